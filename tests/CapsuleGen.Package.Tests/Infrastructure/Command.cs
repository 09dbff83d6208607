using System.Diagnostics;
using System.Text;

namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>Runs a program to its end with its output captured, its environment given, and a time limit.</summary>
internal static class Command
{
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach ((string name, string? value) in environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        string commandLine = string.Join(' ', start.ArgumentList.Prepend(Path.GetFileName(program)));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' in {workingDirectory} did not finish within {timeout}:\n{Snapshot(output)}");
        }

        // WaitForExitAsync returns once the process has exited and its output has been read to the end.
        return new CommandResult(commandLine, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
