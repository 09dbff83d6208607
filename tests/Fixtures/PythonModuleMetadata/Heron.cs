// What the source generator writes for [PythonModule("Heron")] when a function takes an array:
// the module's name, its stub, and the oldest Python whose stable ABI it needs, with the reason.
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule", "Heron")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Heron.Stub", HeronStub.Text)]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Heron.RequiresPython", "3.11")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.Heron.RequiresPythonReason", "Heron.wade takes an array through the buffer protocol, in the stable ABI from Python 3.11")]
// Not the module's: read past.
[assembly: global::System.Reflection.AssemblyMetadata("Unrelated", "value")]

internal static class HeronStub
{
    // Not ASCII, more than one line, and what MSBuild reads in text (%XX, $(...), @(...), ;): the stub is written as UTF-8, exactly.
    public const string Text =
        """"
        """A heron: wades and fishes (Héron cendré)."""

        from collections.abc import Buffer

        def wade(depths: Buffer, /) -> float: ...
        def fish(times: int = 1) -> int: ...
        def ponder(template: str = '%24(Home) $(Home) @(Item) %(Meta) 100%; done') -> str: ...

        """";
}
