using System.Diagnostics;

namespace CapsuleGen.Tests.Shared;

/// <summary>Runs a program that the test project references (and so has built beside it) as its own process.</summary>
internal static class SampleProcess
{
    /// <summary>The exit code a run gets when it had to be killed for running past its time.</summary>
    public const int TimedOut = -1;

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
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, sample + ".dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (TimedOut, await output, $"{await error}\n[killed after {timeout.TotalSeconds:0} s]");
        }

        return (process.ExitCode, await output, await error);
    }
}
