namespace CapsuleGen.Tests.Shared;

/// <summary>
/// What a test needs from the machine. Missing, the test is skipped with a reason that names the
/// Debian package; under CI=true a missing requirement fails instead, so CI never passes by skipping.
/// The rule is here, with nothing else to compile; the requirements are in the files beside it:
/// Requires.Interpreter.cs (a python3 run as a child process) and Requires.CPython.cs (CPython in
/// the test's own process, for projects that reference CapsuleGen.Python).
/// </summary>
internal static partial class Requires
{
    /// <summary>Under CI everything the tests need is installed, and nothing may pass by skipping or by accepting output unreviewed.</summary>
    public static bool InCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test for <paramref name="reason"/>; fails it under CI.</summary>
    public static void Missing(string reason)
    {
        if (InCI)
        {
            Assert.Fail("CI installs everything the tests need, so this may not be skipped: " + reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>A Python module that <paramref name="interpreter"/> could not import.</summary>
    private static void MissingModule(string module, string debianPackages, string interpreter, string detail) =>
        Missing($"needs the Python module '{module}' (apt-get install -y {debianPackages}) in {interpreter}; " +
                $"point CAPSULEGEN_PYTHON at the Python that has it (Debian's is /usr/bin/python3): {detail}");
}
