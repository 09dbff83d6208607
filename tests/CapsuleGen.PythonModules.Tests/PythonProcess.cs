using System.Reflection;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// Runs the real interpreter on the published modules, as a child process, so that whatever a
/// module does wrong (a crash, a hang) fails a test rather than the test run.
/// </summary>
internal static class PythonProcess
{
    /// <summary>Where the build published the modules.</summary>
    public static string ModuleDirectory { get; } = typeof(PythonProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PythonModules").Value!;

    /// <summary>
    /// Runs <c>python3 ARGUMENTS</c> in the module directory, with the modules importable, stdin given and
    /// stdout and stderr merged into one stream, as a terminal shows them. A run past 3 minutes hangs: it
    /// is killed and the test fails.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string? input, params string[] arguments)
    {
        ChildProcessResult run = await new ChildProcess(PythonInterpreter.Executable, arguments)
        {
            Input = input,
            WorkingDirectory = ModuleDirectory,
            Environment = new Dictionary<string, string?> { ["PYTHONPATH"] = ModuleDirectory },
            MergeOutput = true,
            Timeout = TimeSpan.FromMinutes(3),
        }.RunAsync();
        return (run.ThrowIfTimedOut().ExitCode, run.Output);
    }

    /// <summary>A script's first lines that define <c>attempt(action)</c>: prints what the action returns, or the exception it raises as <c>Type: message</c>.</summary>
    public const string Attempt =
        """
        def attempt(action):
            try:
                print(action())
            except Exception as error:
                print(f'{type(error).__name__}: {error}')

        """;

    /// <summary>Runs a script with <c>python3 -c</c>; fails the test with its output if it does not exit with 0.</summary>
    public static async Task<string> RunScriptAsync(string script)
    {
        (int exitCode, string output) = await RunAsync(null, "-c", script);
        Assert.True(exitCode == 0, $"python3 exited with {exitCode}:{Environment.NewLine}{output}");
        return output;
    }
}
