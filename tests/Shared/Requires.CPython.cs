using CapsuleGen.Python;

namespace CapsuleGen.Tests.Shared;

/// <summary>Requirements on CPython in the test's own process: only for projects that reference CapsuleGen.Python.</summary>
internal static partial class Requires
{
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
            MissingModule(module, debianPackage, $"the interpreter at {CPython.LibraryPath}", error.Message);
        }
    }

    public static void SciPy() => Module("scipy.integrate", "python3-scipy");
}
