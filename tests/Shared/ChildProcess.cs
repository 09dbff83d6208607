using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CapsuleGen.Tests.Shared;

/// <summary>
/// One program run to its end as a child process of the test: its input given, its output read as
/// it comes (so a full pipe never stalls it), a time limit after which it is killed with every
/// process it started, and the test's cancellation honoured. Every test that runs a program uses
/// this, through a front that names what it runs (<c>SampleProcess</c>, <c>PythonProcess</c>, ...).
/// </summary>
internal sealed partial class ChildProcess(string program, params IEnumerable<string> arguments)
{
    /// <summary>The dotnet that runs these tests ('dotnet test' names it in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string DotNetHost { get; } = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>How long output still in the pipes is waited for once a run was killed (a process it left behind may hold them open).</summary>
    private static readonly TimeSpan s_drainAfterKill = TimeSpan.FromSeconds(5);

    public string Program { get; } = program;

    public IReadOnlyList<string> Arguments { get; } = [.. arguments];

    /// <summary>Written to the standard input, which is then closed; with none the program reads end of file at once, never the test's own input.</summary>
    public string? Input { get; init; }

    /// <summary>Where it runs; the test's own working directory if not given.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set for it (a null value removes one), over the test's environment unless <see cref="InheritEnvironment"/> is false.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>False: the program sees only the variables of <see cref="Environment"/>.</summary>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>
    /// Standard output and standard error in one stream, <see cref="ChildProcessResult.Output"/>, in the
    /// order a terminal shows them.
    /// </summary>
    public bool MergeOutput { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The command as a shell would take it, for messages.</summary>
    public string CommandLine => string.Join(' ', Arguments.Select(Quote).Prepend(Path.GetFileName(Program)));

    /// <summary>
    /// Runs the program to its end: its exit and the end of its output. Past <see cref="Timeout"/> it
    /// is killed with its whole process tree and the result says <see cref="ChildProcessResult.TimedOut"/>,
    /// with what it printed until then. Cancelled with the test, it is killed and the cancellation thrown.
    /// </summary>
    public async Task<ChildProcessResult> RunAsync()
    {
        CancellationToken testCancelled = TestContext.Current.CancellationToken;
        using var process = new Process { StartInfo = StartInfo() };
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(testCancelled);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(testCancelled);
        deadline.CancelAfter(Timeout);

        process.Start();
        Task[] pipes =
        [
            ReadAsync(process.StandardOutput, output, abandon.Token),
            ReadAsync(process.StandardError, error, abandon.Token),
        ];
        Task input = WriteAsync(process.StandardInput, Input, abandon.Token);
        try
        {
            await Task.WhenAll([process.WaitForExitAsync(deadline.Token), input, .. pipes]).WaitAsync(deadline.Token);
            return new ChildProcessResult(this, process.ExitCode, Text(output), Text(error), TimedOut: false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Kill(process);
            try
            {
                await Task.WhenAll(pipes).WaitAsync(s_drainAfterKill, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // A process that left the tree (a daemon) still holds a pipe: report what came so far.
            }

            await abandon.CancelAsync();
            testCancelled.ThrowIfCancellationRequested();
            return new ChildProcessResult(this, ChildProcessResult.TimedOutExitCode, Text(output), Text(error), TimedOut: true);
        }
    }

    private ProcessStartInfo StartInfo()
    {
        // A process's writes to stdout and stderr keep their order only through one pipe, and Process
        // cannot give one pipe to both: a shell joins them, then becomes the program.
        var start = new ProcessStartInfo(MergeOutput ? "/bin/sh" : Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (WorkingDirectory is not null)
        {
            start.WorkingDirectory = WorkingDirectory;
        }

        IEnumerable<string> arguments = MergeOutput ? ["-c", "exec \"$0\" \"$@\" 2>&1", Program, .. Arguments] : Arguments;
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!InheritEnvironment)
        {
            start.Environment.Clear();
        }

        foreach ((string name, string? value) in Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    private static async Task ReadAsync(StreamReader pipe, StringBuilder into, CancellationToken abandoned)
    {
        char[] buffer = new char[8192];
        try
        {
            int read;
            while ((read = await pipe.ReadAsync(buffer, abandoned)) > 0)
            {
                lock (into)
                {
                    into.Append(buffer, 0, read);
                }
            }
        }
        catch (Exception exception) when (abandoned.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Given up on after a kill; the result has what was read.
        }
    }

    private static async Task WriteAsync(StreamWriter pipe, string? text, CancellationToken abandoned)
    {
        try
        {
            if (!string.IsNullOrEmpty(text))
            {
                await pipe.WriteAsync(text.AsMemory(), abandoned);
            }

            pipe.Close();
        }
        catch (IOException)
        {
            // The program closed its input before reading it all: its output and exit code say why.
        }
        catch (Exception exception) when (abandoned.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already; only its output had not ended.
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static string Quote(string argument) =>
        PlainArgument().IsMatch(argument) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_./:=@%+,-]+$")]
    private static partial Regex PlainArgument();
}

/// <summary>What a <see cref="ChildProcess"/> printed and how it ended.</summary>
/// <param name="Output">Standard output; with <see cref="ChildProcess.MergeOutput"/>, standard error too.</param>
/// <param name="TimedOut">It ran past its time and was killed; <see cref="ExitCode"/> is then <see cref="TimedOutExitCode"/>.</param>
internal sealed record ChildProcessResult(ChildProcess Command, int ExitCode, string Output, string Error, bool TimedOut)
{
    public const int TimedOutExitCode = -1;

    public string CommandLine => Command.CommandLine;

    /// <summary>Throws, naming the command and showing what it printed, if it was killed for running past its time.</summary>
    public ChildProcessResult ThrowIfTimedOut() => TimedOut
        ? throw new TimeoutException(
            $"'{CommandLine}' in {Command.WorkingDirectory ?? System.Environment.CurrentDirectory} did not finish within {Command.Timeout}: it hangs, " +
            $"and was killed with its whole process tree. It printed:\n{Output}{Error}")
        : this;
}
