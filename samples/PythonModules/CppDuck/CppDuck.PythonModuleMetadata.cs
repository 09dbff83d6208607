// Until CapsuleGen's source generator writes these for every [PythonModule] (issue 19, part 1), they are
// declared here by hand, exactly as it will write them; delete this file when it does (the build refuses
// a key declared twice with different values, CAPS1007). The publish step makes CppDuck.pyi and the
// wheel from them (runtime/CapsuleGen.Python/buildTransitive/CapsuleGen.Python.targets).
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule", "CppDuck")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.CppDuck.Stub",
    """"
    from typing import Final

    from typing_extensions import CapsuleType

    quacker: Final[CapsuleType]
    honker: Final[CapsuleType]

    def getQuack() -> CapsuleType:
        """The quack, in a capsule named "quacker"."""

    def getHonk() -> CapsuleType:
        """A honk, in a capsule named "honker": the wrong capsule for a bird that wants a quack."""

    """")]
[assembly: global::System.Reflection.AssemblyMetadata("CapsuleGen.PythonModule.CppDuck.RequiresPython", "3.10")]
