using System.Text.RegularExpressions;
using CapsuleGen.Python.Modules;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// Every CPython symbol the bridge resolves (as <see cref="PythonSymbols"/> records them, after each part
/// of the bridge has resolved its own) checked against CPython's stable ABI: declared by the headers of
/// each interpreter here under Py_LIMITED_API for 3.10, and exported by each one's library.
/// </summary>
public sealed partial class StableAbiAuditTests
{
    /// <summary>
    /// What the bridge resolves outside the 3.10 limited API, each with why. A name that appears here
    /// unexplained, or leaves, fails the audit.
    /// </summary>
    private const string From311 = "stable ABI from 3.11: resolved only for a function that takes an array, whose module requires 3.11";

    private const string Unchecked =
        "optional, for DeferredReleases.HoldsGil: the stable ABI has no call that says whether this thread holds the GIL " +
        "(PyGILState_Check is outside it too, and PyThreadState_Get aborts without a thread state); " +
        "public C API from 3.13 (PyThreadState_GetUnchecked), under its older name before, with one signature since 3.5";

    private static readonly Dictionary<string, string> s_outsideLimitedApi310 = new(StringComparer.Ordinal)
    {
        ["PyObject_GetBuffer"] = From311,
        ["PyBuffer_Release"] = From311,
        ["PyThreadState_GetUnchecked"] = Unchecked,
        ["_PyThreadState_UncheckedGet"] = Unchecked,
    };

    [Fact]
    public async Task Every_symbol_the_bridge_resolves_is_in_the_stable_ABI_or_explained()
    {
        Requires.Python();
        _ = ModuleApi.Instance;
        _ = Arrays.ArrayApi.Instance;
        _ = Arrays.BufferApi.Instance;
        CallPath.Initialize(CPython.Api, DynamicLibrary.Process());
        string[] symbols = [.. PythonSymbols.Resolved.Keys.Order(StringComparer.Ordinal)];
        Assert.Contains("PyObject_GetBuffer", symbols);

        var report = new List<string>();
        foreach ((string version, string include, string library) in await InterpretersAsync())
        {
            ChildProcessResult compiled = await CompileAsync(include, "0x030a0000", symbols);
            foreach (Match undeclared in Undeclared().Matches(compiled.Output))
            {
                if (!s_outsideLimitedApi310.ContainsKey(undeclared.Groups[1].Value))
                {
                    report.Add($"{undeclared.Groups[1].Value}: not in the 3.10 limited API of {include}");
                }
            }

            ChildProcessResult nm = (await new ChildProcess("nm", "-D", "--defined-only", library) { MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
            HashSet<string> exported = [.. nm.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[^1])];
            report.AddRange(symbols.Where(name => PythonSymbols.Resolved[name] && !exported.Contains(name)).Select(name => $"{name}: not exported by {library}"));
            report.AddRange(s_outsideLimitedApi310.Keys.Where(name => compiled.Output.Contains($"'{name}' undeclared", StringComparison.Ordinal) == false && symbols.Contains(name))
                .Select(name => $"{name}: explained as outside the 3.10 limited API, but {include} declares it there: remove it from the list"));

            // What a module taking arrays needs is in the 3.11 limited API, of 3.11 and every later CPython.
            if (version != "3.10")
            {
                string[] from311 = [.. s_outsideLimitedApi310.Where(pair => pair.Value == From311).Select(pair => pair.Key)];
                ChildProcessResult compiled311 = await CompileAsync(include, "0x030b0000", from311);
                report.AddRange(Undeclared().Matches(compiled311.Output).Select(undeclared => $"{undeclared.Groups[1].Value}: not in the 3.11 limited API of {include}"));
                Assert.True(compiled311.ExitCode == 0 || report.Count > 0, compiled311.Output);
            }
        }

        Assert.True(report.Count == 0, string.Join("\n", report.Order(StringComparer.Ordinal)));
    }

    /// <summary>Compiles a file that takes the address of each symbol with <c>Python.h</c> under <c>Py_LIMITED_API</c> = <paramref name="limitedApi"/>.</summary>
    private static async Task<ChildProcessResult> CompileAsync(string include, string limitedApi, IEnumerable<string> symbols)
    {
        using var directory = new TemporaryDirectory("capsulegen-abi-");
        string source = Path.Combine(directory.Path, "audit.c");
        File.WriteAllText(source, "#include <Python.h>\n" + string.Concat(symbols.Select(name => $"void *capsulegen_{name} = (void *)&{name};\n")));
        return (await new ChildProcess("cc", "-std=c11", "-DPy_LIMITED_API=" + limitedApi, "-Werror", "-Wno-deprecated-declarations", "-fsyntax-only", "-I" + include, source)
        {
            Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C" },
            MergeOutput = true,
        }.RunAsync()).ThrowIfTimedOut();
    }

    /// <summary>The version, include directory and library of Debian's CPython 3.11 and pyenv's 3.10 to 3.13.</summary>
    private static async Task<List<(string Version, string Include, string Library)>> InterpretersAsync()
    {
        List<(string Version, string Include, string Library)> interpreters = [("3.11", "/usr/include/python3.11", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")];
        string root = "";
        try
        {
            root = Path.Combine((await new ChildProcess("pyenv", "root").RunAsync()).ThrowIfTimedOut().Output.Trim(), "versions");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pyenv on the PATH.
        }

        foreach (string version in new[] { "3.10", "3.11", "3.12", "3.13" })
        {
            string? home = root.Length > 0 && Directory.Exists(root) ? Directory.GetDirectories(root, version + ".*").Order(StringComparer.Ordinal).LastOrDefault() : null;
            if (home is null)
            {
                Requires.Missing($"needs CPython {version} from pyenv (pyenv install {version})");
            }

            interpreters.Add((version, Path.Combine(home!, "include", "python" + version), Path.Combine(home!, "lib", $"libpython{version}.so.1.0")));
        }

        return interpreters;
    }

    [GeneratedRegex(@"'(\w+)' undeclared")]
    private static partial Regex Undeclared();
}
