namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>
/// Runs a program to its end with its output captured (stdout and stderr in one stream, as a terminal
/// shows them), exactly the environment given, and a time limit past which the test fails.
/// </summary>
internal static class Command
{
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        ChildProcessResult run = await new ChildProcess(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = environment,
            InheritEnvironment = false,
            MergeOutput = true,
            Timeout = timeout,
        }.RunAsync();
        run.ThrowIfTimedOut();
        return new CommandResult(run.CommandLine, run.ExitCode, run.Output);
    }
}
