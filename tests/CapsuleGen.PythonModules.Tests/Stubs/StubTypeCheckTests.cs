using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CapsuleGen.PythonModules.Tests.Stubs;

/// <summary>
/// The stubs as an editor reads them: pyright (from npm; .ci/run installs it into artifacts/tools/) checks code
/// written against the samples' wheels installed in a venv, for CPython 3.13, where a capsule has a type of its own.
/// Well-typed code passes, and each mistake in <c>TypeCheck/ill_typed.py</c> is reported on its line, and nothing else.
/// </summary>
public sealed class StubTypeCheckTests
{
    private const string PyrightVersion = "1.1.414";

    private static readonly string s_pyright = typeof(StubTypeCheckTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "Pyright").Value!;

    [Fact]
    public async Task Pyright_reads_the_installed_stubs_passes_well_typed_code_and_reports_each_mistake_on_its_line()
    {
        if (!File.Exists(s_pyright))
        {
            Requires.Missing($"needs pyright from npm (npm install --prefix artifacts/tools pyright@{PyrightVersion}, as .ci/run does)");
        }

        string python = Requires.Interpreter();
        using var directory = new TemporaryDirectory("capsulegen-pyright-");
        ChildProcessResult created = await WheelInstallTests.RunAsync(python, null, "-m", "venv", Path.Combine(directory.Path, "venv"));
        if (created.ExitCode != 0)
        {
            Requires.Missing($"needs venv and pip for {python} (Debian: apt-get install -y python3-venv python3-pip): {created.Output.Trim()}");
        }

        await WheelInstallTests.SucceedAsync(
            Path.Combine(directory.Path, "venv", "bin", "python"), null,
            "-m", "pip", "install", "--no-index", "--disable-pip-version-check",
            WheelInstallTests.Wheel("cppduck"), WheelInstallTests.Wheel("bird"), WheelInstallTests.Wheel("tensors"));
        foreach (string script in new[] { "well_typed.py", "ill_typed.py" })
        {
            File.Copy(Path.Combine(Scripts(), script), Path.Combine(directory.Path, script));
        }

        File.WriteAllText(Path.Combine(directory.Path, "pyrightconfig.json"), """
            { "venvPath": ".", "venv": "venv", "pythonVersion": "3.13", "include": ["well_typed.py", "ill_typed.py"] }
            """);

        ChildProcessResult checkedRun = (await new ChildProcess(s_pyright, "--outputjson")
        {
            WorkingDirectory = directory.Path,
            Timeout = TimeSpan.FromMinutes(3),
        }.RunAsync()).ThrowIfTimedOut();
        using JsonDocument report = JsonDocument.Parse(checkedRun.Output);
        string[] errors = [.. report.RootElement.GetProperty("generalDiagnostics").EnumerateArray()
            .Select(diagnostic => $"{Path.GetFileName(diagnostic.GetProperty("file").GetString())}:{diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1} {diagnostic.GetProperty("severity").GetString()}: {diagnostic.GetProperty("message").GetString()}")];

        string[] expected = [.. File.ReadAllLines(Path.Combine(Scripts(), "ill_typed.py"))
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(line => line.Line.Contains("# error", StringComparison.Ordinal))
            .Select(line => $"ill_typed.py:{line.Number} error")];
        Assert.True(expected.Length == 8, "the script marks eight mistakes");
        Assert.True(
            expected.SequenceEqual(errors.Select(error => error[..error.IndexOf(':', error.IndexOf(':') + 1)])),
            $"expected exactly:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}pyright reported:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private static string Scripts([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "TypeCheck");
}
