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

    private static IEnumerable<PythonCandidate> AskInterpreter(string executable, List<string> tried)
    {
        const string query = "import sys, sysconfig\n" +
                             "v = sysconfig.get_config_var\n" +
                             "print(v('LIBDIR') or '')\n" +
                             "print(v('INSTSONAME') or '')\n" +
                             "print(v('LDLIBRARY') or '')\n" +
                             "print(sys.executable)\n";
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
    /// An interpreter that takes longer is ended, with its process tree.
    /// </summary>
    private static bool Ask(string executable, string query, out string output, out string? failure)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(query);
        using Process process = Process.Start(start)!;
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
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

        // Both streams end with the process, unless it left a child holding them: wait no longer than it had.
        bool streamsEnded = Task.WaitAll([standardOutput, standardError], s_answerTime);
        output = streamsEnded ? standardOutput.Result : string.Empty;
        string error = streamsEnded ? standardError.Result.Trim() : "(its output did not end: a process it started still holds it)";
        if (process.ExitCode != 0 || !streamsEnded)
        {
            failure = $"it failed with exit code {process.ExitCode} ({Shortened(error)})";
            return false;
        }

        failure = null;
        return true;
    }

    /// <summary>The end of a long error output, where Python's traceback says what went wrong.</summary>
    private static string Shortened(string error) => error.Length <= 2000 ? error : "... " + error[^2000..];
}
