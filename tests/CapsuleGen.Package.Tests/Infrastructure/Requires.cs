namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>
/// What a test needs from the machine. Missing, the test is skipped with a reason that names the
/// Debian package; under CI=true a missing requirement fails instead, so CI never passes by skipping.
/// </summary>
internal static class Requires
{
    /// <summary>The interpreter named by CAPSULEGEN_PYTHON (or python3) with SciPy (Debian: python3-scipy); returns its path.</summary>
    public static async Task<string> SciPyAsync(DotNet dotnet)
    {
        string python = Environment.GetEnvironmentVariable("CAPSULEGEN_PYTHON") is { Length: > 0 } given ? given : "python3";
        CommandResult probe;
        try
        {
            probe = await Command.RunAsync(python, ["-c", "import scipy.integrate"], Path.GetTempPath(), dotnet.Environment(), TimeSpan.FromMinutes(1));
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            probe = new CommandResult(python, -1, error.Message);
        }

        if (probe.ExitCode != 0)
        {
            Missing($"needs CPython with SciPy (apt-get install -y libpython3.11 python3-scipy; point CAPSULEGEN_PYTHON at that python3): {probe.Output.Trim()}");
        }

        return python;
    }

    private static void Missing(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI installs everything the tests need, so this may not be skipped: " + reason);
        }

        Assert.Skip(reason);
    }
}
