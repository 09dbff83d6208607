using System.Diagnostics;
using CapsuleGen.Python;

namespace SafetyProbe;

/// <summary>A library chosen explicitly is used or refused with the reason, never silently replaced by another found by searching.</summary>
internal static class PythonLocatorScenarios
{
    private const string Variable = "CAPSULEGEN_PYTHON_LIBRARY";
    private const string Missing = "/nonexistent/libpython3.11.so";

    public static Task ExplicitChoiceIsHonoured()
    {
        string libc = Process.GetCurrentProcess().Modules.Cast<ProcessModule>().First(module => module.ModuleName.StartsWith("libc.so", StringComparison.Ordinal)).FileName;

        Environment.SetEnvironmentVariable(Variable, Missing);
        Refused(() => CPython.Initialize(), $"{Missing} (from ${Variable}): no such file", $"${Variable} naming a missing file");
        Environment.SetEnvironmentVariable(Variable, libc);
        Refused(() => CPython.Initialize(), $"{libc} (from ${Variable}): not a CPython library", $"${Variable} naming a library that is not CPython");
        Environment.SetEnvironmentVariable(Variable, null);

        Refused(() => CPython.Initialize(Missing), $"{Missing} (from the path given to CPython.Initialize): no such file", "a missing path given to Initialize");
        Refused(() => CPython.Initialize(libc), $"{libc} (from the path given to CPython.Initialize): not a CPython library", "libc given to Initialize");

        CPython.Initialize();
        Check.That(CPython.LibraryPath is not null, "with nothing chosen, the search finds CPython: " + CPython.LibraryPath);
        Exception? error = Check.Thrown(() => CPython.Initialize(Missing));
        Check.That(error is InvalidOperationException && error.Message.Contains("already running", StringComparison.Ordinal), "once CPython runs, another path is refused: " + error?.Message);
        return Task.CompletedTask;
    }

    private static void Refused(Action initialize, string reason, string what)
    {
        Exception? error = Check.Thrown(initialize);
        Check.That(
            error is PythonNotFoundException { Tried.Count: 2 } notFound && notFound.Tried[0].StartsWith(reason, StringComparison.Ordinal) && CPython.LibraryPath is null,
            $"{what} is refused with the reason, and nothing else is tried: {error?.Message}");
    }
}
