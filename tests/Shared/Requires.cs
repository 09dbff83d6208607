using CapsuleGen.Python;

namespace CapsuleGen.Tests.Shared;

/// <summary>
/// What a test needs from the machine. Missing, the test is skipped with a reason that names the
/// Debian package; under CI=true a missing requirement fails instead, so CI never passes by skipping.
/// </summary>
internal static class Requires
{
    private static bool InCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>CPython itself (Debian: libpython3.11).</summary>
    public static void Python()
    {
        try
        {
            CPython.Initialize();
        }
        catch (PythonNotFoundException error)
        {
            Missing($"needs CPython (apt-get install -y libpython3.11): {error.Message}");
        }
    }

    /// <summary>A Python module from a Debian package, such as scipy from python3-scipy.</summary>
    public static void Module(string module, string debianPackage)
    {
        Python();
        try
        {
            CPython.Import(module).Dispose();
        }
        catch (PythonException error)
        {
            Missing($"needs the Python module '{module}' (apt-get install -y {debianPackage}) in the interpreter at {CPython.LibraryPath}; " +
                    $"point CAPSULEGEN_PYTHON at the Python that has it (Debian's is /usr/bin/python3): {error.Message}");
        }
    }

    public static void SciPy() => Module("scipy.integrate", "python3-scipy");

    private static void Missing(string reason)
    {
        if (InCI)
        {
            Assert.Fail("CI installs everything the tests need, so this may not be skipped: " + reason);
        }

        Assert.Skip(reason);
    }
}
