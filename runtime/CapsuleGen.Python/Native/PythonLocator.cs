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
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(query);
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
            {
                tried.Add($"asking '{executable}' for its library: it failed ({process.StandardError.ReadToEnd().Trim()})");
                return [];
            }

            lines = output.Split('\n').Select(line => line.Trim()).ToArray();
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
}
