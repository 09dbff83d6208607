using System.Diagnostics;
using System.Reflection;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// Runs the real interpreter on the published modules, as a child process, so that whatever a
/// module does wrong (a crash, a hang) fails a test rather than the test run.
/// </summary>
internal static class PythonProcess
{
    /// <summary>Debian's /usr/bin/python3, or the interpreter <c>CAPSULEGEN_PYTHON</c> names.</summary>
    public static string Interpreter => Environment.GetEnvironmentVariable("CAPSULEGEN_PYTHON") is { Length: > 0 } named ? named : "/usr/bin/python3";

    /// <summary>Where the build published the modules.</summary>
    public static string ModuleDirectory { get; } = typeof(PythonProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PythonModules").Value!;

    /// <summary>Runs <c>python3 ARGUMENTS</c> with stdin, stdout and stderr merged into one stream, as a terminal shows them.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = ModuleDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 2>&1");
        start.ArgumentList.Add(Interpreter);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = ModuleDirectory;
        using Process process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(input ?? string.Empty);
            process.StandardInput.Close();
            string text = await output;
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, text);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 {string.Join(' ', arguments)} did not finish in 3 minutes: it hangs.");
        }
    }

    /// <summary>Runs a script with <c>python3 -c</c>; fails the test with its output if it does not exit with 0.</summary>
    public static async Task<string> RunScriptAsync(string script)
    {
        (int exitCode, string output) = await RunAsync(null, "-c", script);
        Assert.True(exitCode == 0, $"python3 exited with {exitCode}:{Environment.NewLine}{output}");
        return output;
    }

    /// <summary>Skips (fails under CI) when a Python module from a Debian package is missing.</summary>
    public static async Task RequireModuleAsync(string module, string debianPackage)
    {
        (int exitCode, string output) = await RunAsync(null, "-c", $"import {module}");
        if (exitCode == 0)
        {
            return;
        }

        string reason = $"needs the Python module '{module}' (apt-get install -y {debianPackage}) in {Interpreter}: {output.Trim()}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI installs everything the tests need, so this may not be skipped: " + reason);
        }

        Assert.Skip(reason);
    }
}
