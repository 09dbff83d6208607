using System.Diagnostics;

namespace CapsuleGen.Python.Native;

/// <summary>A CPython shared library to load, where it was found, and the interpreter it belongs to (if known).</summary>
internal sealed record PythonCandidate(string LibraryPath, string Source, string? Executable);

/// <summary>
/// Finds the CPython shared library, in this order: an explicit path; the environment variable
/// <c>CAPSULEGEN_PYTHON_LIBRARY</c>; the interpreter named by <c>CAPSULEGEN_PYTHON</c> (or
/// <c>python3</c> on the PATH), asked for its <c>LIBDIR</c> and <c>INSTSONAME</c>/<c>LDLIBRARY</c>;
/// then the usual install places. Every candidate is yielded with how it was found, and every
/// dead end is recorded, so that failing to find CPython says what was tried. A library chosen
/// explicitly (the path, or the variable) is the only candidate: used, or refused with its reason,
/// never silently replaced by another.
/// </summary>
internal static class PythonLocator
{
    public const string LibraryVariable = "CAPSULEGEN_PYTHON_LIBRARY";
    public const string ExecutableVariable = "CAPSULEGEN_PYTHON";

    /// <summary>How long the interpreter may take to say where its library is: it starts, imports sysconfig and prints four lines.</summary>
    private static readonly TimeSpan s_answerTime = TimeSpan.FromSeconds(10);

    private static readonly string[] s_usualDirectories =
    [
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib",
    ];

    public static IEnumerable<PythonCandidate> Candidates(string? explicitPath, List<string> tried)
    {
        if (explicitPath is not null)
        {
            yield return new PythonCandidate(explicitPath, "the path given to CPython.Initialize", null);
            tried.Add("nothing else: a library chosen explicitly is used or refused, never replaced by a search");
            yield break;
        }

        if (Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } fromEnvironment)
        {
            yield return new PythonCandidate(fromEnvironment, $"${LibraryVariable}", null);
            tried.Add($"nothing else: a library chosen explicitly (${LibraryVariable}) is used or refused, never replaced by a search");
            yield break;
        }

        tried.Add($"${LibraryVariable}: not set");

        string executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } named ? named : "python3";
        foreach (PythonCandidate candidate in AskInterpreter(executable, tried))
        {
            yield return candidate;
        }

        foreach (string directory in s_usualDirectories.Where(Directory.Exists))
        {
            IEnumerable<string> libraries = Directory.EnumerateFiles(directory, "libpython3.*.so*")
                .Where(path => !path.EndsWith(".a", StringComparison.Ordinal))
                .OrderByDescending(path => path, StringComparer.Ordinal);
            foreach (string library in libraries)
            {
                yield return new PythonCandidate(library, $"the usual place {directory}", null);
            }
        }

        tried.Add($"the usual places: {string.Join(", ", s_usualDirectories)}");
    }

    /// <summary>The last line of the interpreter's answer: once read, the answer is whole, even if its output never ends.</summary>
    private const string AnswerEnd = "capsulegen: end of answer";

    private static IEnumerable<PythonCandidate> AskInterpreter(string executable, List<string> tried)
    {
        const string query = "import sys, sysconfig\n" +
                             "v = sysconfig.get_config_var\n" +
                             "print(v('LIBDIR') or '')\n" +
                             "print(v('INSTSONAME') or '')\n" +
                             "print(v('LDLIBRARY') or '')\n" +
                             "print(sys.executable)\n" +
                             "print('" + AnswerEnd + "')\n";
        string[] lines;
        try
        {
            if (Ask(executable, query, out string output, out string? failure))
            {
                lines = output.Split('\n').Select(line => line.Trim()).ToArray();
            }
            else
            {
                tried.Add($"asking '{executable}' for its library: {failure}");
                return [];
            }
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            tried.Add($"asking '{executable}' for its library: {error.Message}");
            return [];
        }

        if (lines.Length < 4 || lines[0].Length == 0)
        {
            tried.Add($"asking '{executable}' for its library: it reported no LIBDIR");
            return [];
        }

        string sourceText = $"'{executable}' (sysconfig LIBDIR)";
        return new[] { lines[1], lines[2] }
            .Where(name => name.Length > 0 && !name.EndsWith(".a", StringComparison.Ordinal))
            .Distinct()
            .Select(name => new PythonCandidate(Path.Combine(lines[0], name), sourceText, lines[3].Length > 0 ? lines[3] : null));
    }

    /// <summary>
    /// Runs the interpreter on <paramref name="query"/> within <see cref="s_answerTime"/>, reading both of
    /// its streams as they come (one left unread would block an interpreter that writes much to it).
    /// An interpreter that takes longer is ended, with its process tree. Its answer is whole once its
    /// last line is read, so a process it left behind holding its output (a daemon it started) does
    /// not hold the answer up.
    /// </summary>
    private static bool Ask(string executable, string query, out string output, out string? failure)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(query);
        using Process process = Process.Start(start)!;
        Task<(string Text, bool Whole)> standardOutput = ReadAnswerAsync(process.StandardOutput);
        Task<string> standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_answerTime))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended just now.
            }

            output = string.Empty;
            failure = $"it did not answer within {s_answerTime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s, and was ended";
            return false;
        }

        // The answer ends with its last line, or with the output; a process the interpreter left behind
        // may hold the output open: wait no longer than it had.
        if (standardOutput.Wait(s_answerTime) && process.ExitCode == 0 && standardOutput.Result.Whole)
        {
            output = standardOutput.Result.Text;
            failure = null;
            return true;
        }

        output = string.Empty;
        string error = standardError.Wait(s_answerTime) ? Shortened(standardError.Result.Trim()) : "its error output did not end: a process it started still holds it";
        failure = process.ExitCode != 0
            ? $"it failed with exit code {process.ExitCode} ({error})"
            : standardOutput.IsCompleted
                ? $"it exited without giving its whole answer ({error})"
                : "it exited, but its output did not end and its answer was not whole: a process it started still holds its output";
        return false;
    }

    /// <summary>The lines before <see cref="AnswerEnd"/>, and whether it came; reads to the end of the output if it does not.</summary>
    private static async Task<(string Text, bool Whole)> ReadAnswerAsync(StreamReader reader)
    {
        var text = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.Trim() == AnswerEnd)
            {
                return (text.ToString(), true);
            }

            text.Append(line).Append('\n');
        }

        return (text.ToString(), false);
    }

    /// <summary>The end of a long error output, where Python's traceback says what went wrong.</summary>
    private static string Shortened(string error) => error.Length <= 2000 ? error : "... " + error[^2000..];
}
