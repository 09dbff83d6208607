namespace CapsuleGen.Tests.Shared;

/// <summary>Runs a program that the test project references (and so has built beside it) as its own process.</summary>
internal static class SampleProcess
{
    /// <summary>The exit code a run gets when it had to be killed for running past its time.</summary>
    public const int TimedOut = ChildProcessResult.TimedOutExitCode;

    /// <summary>
    /// Runs <c>dotnet exec &lt;sample&gt;.dll</c> and returns its exit code, standard output and standard
    /// error. A run that outlives <paramref name="timeout"/> (two minutes if not given) is killed, with
    /// its whole process tree, and reported with the exit code <see cref="TimedOut"/>.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string sample, params string[] arguments) =>
        RunAsync(sample, TimeSpan.FromMinutes(2), arguments);

    /// <inheritdoc cref="RunAsync(string, string[])"/>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string sample, TimeSpan timeout, params string[] arguments)
    {
        ChildProcessResult run = await new ChildProcess(ChildProcess.DotNetHost, ["exec", Path.Combine(AppContext.BaseDirectory, sample + ".dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            Timeout = timeout,
        }.RunAsync();
        return (run.ExitCode, run.Output, run.TimedOut ? $"{run.Error}\n[killed after {timeout.TotalSeconds:0} s]" : run.Error);
    }
}
