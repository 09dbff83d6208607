namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>What the consumer app prints, wherever it runs: built, trimmed or compiled ahead of time.</summary>
internal static class Transcript
{
    public const string App = """
        fallback: No noise came out.
        capsule: "quacker" void (void)
        bound: Packaged quack
        refused: Expected a capsule named "quacker", but this capsule is named "honker".
        still bound: Packaged quack
        unbound: No noise came out.
        scale: 6
        tensor: float64 tensor of shape (2, 2) on cpu, trace 5

        """;

    public static void ShouldBe(string expected, CommandResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, run.Output);
    }
}
