namespace CapsuleGen.Tests.Shared;

/// <summary>The python3 that tests run as a child process.</summary>
internal static class PythonInterpreter
{
    /// <summary>
    /// The interpreter <c>CAPSULEGEN_PYTHON</c> names, else Debian's /usr/bin/python3: the one the
    /// Debian packages that skip reasons name install into (a python3 earlier on the PATH may be another).
    /// </summary>
    public static string Executable => Environment.GetEnvironmentVariable("CAPSULEGEN_PYTHON") is { Length: > 0 } named ? named : "/usr/bin/python3";
}
