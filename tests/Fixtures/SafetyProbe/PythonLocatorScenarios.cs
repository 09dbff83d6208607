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

    /// <summary>An interpreter that writes 300 KB to stderr before it answers: both streams are read, so it is heard.</summary>
    public static Task NoisyInterpreterIsHeard()
    {
        Environment.SetEnvironmentVariable(InterpreterVariable, Interpreter("noisy", $"head -c 300000 /dev/zero | tr '\\0' x >&2\nexec {RealInterpreter()} \"$@\""));
        CPython.Initialize();
        Check.That(CPython.FoundBy?.Contains("sysconfig LIBDIR", StringComparison.Ordinal) == true, "an interpreter that writes 300 KB to stderr is asked and answers: " + CPython.FoundBy);
        return Task.CompletedTask;
    }

    /// <summary>An interpreter that never answers is ended after the time limit, and the search goes on to the usual places.</summary>
    public static Task SilentInterpreterIsEnded()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"capsulegen-silent-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable(InterpreterVariable, Interpreter("silent", $"sleep 120 && touch {marker}"));
        var clock = Stopwatch.StartNew();
        CPython.Initialize();
        Check.That(clock.Elapsed < TimeSpan.FromSeconds(60), $"an interpreter that does not answer holds the search up for the time limit only ({clock.Elapsed.TotalSeconds:0} s)");
        Check.That(CPython.FoundBy?.StartsWith("the usual place", StringComparison.Ordinal) == true, "the search goes on past it to the usual places: " + CPython.FoundBy);
        return Task.CompletedTask;
    }

    /// <summary>
    /// An interpreter that answers at once but leaves a process of its own behind holding its output
    /// open (a daemon it started): its answer is complete when it exits, so it is used, without waiting
    /// for the output to end.
    /// </summary>
    public static Task InterpreterLeavingADaemonIsHeard()
    {
        Environment.SetEnvironmentVariable(InterpreterVariable, Interpreter("daemonizing", $"sleep 60 &\nexec {RealInterpreter()} \"$@\""));
        var clock = Stopwatch.StartNew();
        CPython.Initialize();
        Check.That(CPython.FoundBy?.Contains("sysconfig LIBDIR", StringComparison.Ordinal) == true, "an interpreter that leaves a daemon holding its output is asked and answers: " + CPython.FoundBy);
        Check.That(clock.Elapsed < TimeSpan.FromSeconds(5), $"its answer is used once it exits, without waiting for its output to end ({clock.Elapsed.TotalSeconds:0.0} s)");
        return Task.CompletedTask;
    }

    private const string InterpreterVariable = "CAPSULEGEN_PYTHON";

    /// <summary>The interpreter the tests use, which the stand-ins run when they answer.</summary>
    private static string RealInterpreter() => Environment.GetEnvironmentVariable(InterpreterVariable) is { Length: > 0 } named ? named : "python3";

    /// <summary>A shell script standing in for an interpreter.</summary>
    private static string Interpreter(string name, string body)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("capsulegen-locator-").FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) // the probe runs on Linux; the analyzer asks
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static void Refused(Action initialize, string reason, string what)
    {
        Exception? error = Check.Thrown(initialize);
        Check.That(
            error is PythonNotFoundException { Tried.Count: 2 } notFound && notFound.Tried[0].StartsWith(reason, StringComparison.Ordinal) && CPython.LibraryPath is null,
            $"{what} is refused with the reason, and nothing else is tried: {error?.Message}");
    }
}
