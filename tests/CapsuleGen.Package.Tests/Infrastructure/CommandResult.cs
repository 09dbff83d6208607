namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>What a command printed and how it ended.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>Every distinct line MSBuild or the compiler printed as a warning.</summary>
    public IReadOnlyList<string> Warnings => Lines(": warning ");

    /// <summary>Every distinct line MSBuild or the compiler printed as an error.</summary>
    public IReadOnlyList<string> Errors => Lines(": error ");

    private IReadOnlyList<string> Lines(string marker) => Output
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Contains(marker, StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Fails unless the command succeeded without a single warning.</summary>
    public CommandResult ShouldSucceedWithoutWarnings()
    {
        Assert.True(ExitCode == 0, $"'{Command}' failed with exit code {ExitCode}:\n{Output}");
        Assert.True(Warnings.Count == 0, $"'{Command}' printed warnings:\n{string.Join('\n', Warnings)}");
        return this;
    }

    /// <summary>Fails unless the command failed.</summary>
    public CommandResult ShouldFail()
    {
        Assert.True(ExitCode != 0, $"'{Command}' succeeded but should have failed:\n{Output}");
        return this;
    }

    public override string ToString() => $"{Command} (exit code {ExitCode})\n{Output}";
}
