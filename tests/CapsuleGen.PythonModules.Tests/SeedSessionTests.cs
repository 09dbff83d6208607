using System.Text.RegularExpressions;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>The seeds' session in a real python3, with the modules written in C# and published with NativeAOT.</summary>
public sealed partial class SeedSessionTests
{
    /// <summary>Each line typed at the prompt, and what the session must print for it.</summary>
    private static readonly (string Input, string[] Output)[] s_session =
    [
        ("import Bird", []),
        ("import CppDuck", []),
        ("Bird.callQuack()", ["No noise came out."]),
        ("quack = CppDuck.getQuack()", []),
        ("quack", ["<capsule object \"quacker\" at ADDRESS>"]),
        ("Bird.setQuack(quack)", []),
        ("Bird.callQuack()", ["C# Quack"]),
        ("Bird.setQuack(map)", [
            "Traceback (most recent call last):",
            "  File \"<stdin>\", line 1, in <module>",
            "TypeError: Bird.setQuack() argument 'quack' must be a capsule, not type"]),
        ("Bird.setQuack(CppDuck.getHonk())", [
            "Traceback (most recent call last):",
            "  File \"<stdin>\", line 1, in <module>",
            "ValueError: Expected a capsule named \"quacker\", but this capsule is named \"honker\"."]),
        ("Bird.callQuack()", ["C# Quack"]),
        ("import NativeDuck", []),
        ("Bird.setQuack(NativeDuck.getQuack())", []),
        ("Bird.callQuack()", ["C++ Quack"]),
        ("CppDuck.quacker", ["<capsule object \"CppDuck.quacker\" at ADDRESS>"]),
        ("NativeDuck.callImported('CppDuck.quacker')", ["C# Quack"]),
        ("Bird.resetQuack()", []),
        ("Bird.callQuack()", ["No noise came out."]),
    ];

    [Fact]
    public async Task The_seeds_session_runs_in_python3_with_the_bug_fixed_and_clear_errors()
    {
        string input = string.Concat(s_session.Select(line => line.Input + "\n"));
        (int exitCode, string output) = await PythonProcess.RunAsync(input, "-q", "-i", "-u");

        // The interactive interpreter prints ">>> " before reading each line; what a line prints comes after its prompt.
        string[] printed = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split(">>> ");
        Assert.True(printed.Length == s_session.Length + 2, $"expected {s_session.Length + 1} prompts:{Environment.NewLine}{output}");
        for (int i = 0; i < s_session.Length; i++)
        {
            string[] lines = printed[i + 1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Address().Replace(line, "at ADDRESS>")).ToArray();
            Assert.True(s_session[i].Output.SequenceEqual(lines), $">>> {s_session[i].Input}{Environment.NewLine}expected:{Environment.NewLine}{string.Join(Environment.NewLine, s_session[i].Output)}{Environment.NewLine}printed:{Environment.NewLine}{printed[i + 1]}");
        }

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task The_README_command_imports_the_module_and_prints_a_capsule()
    {
        string output = await PythonProcess.RunScriptAsync($"import sys; sys.path.insert(0, '{PythonProcess.ModuleDirectory}'); import CppDuck; print(CppDuck.getQuack())");

        Assert.Matches("^<capsule object \"quacker\" at 0x[0-9a-f]+>\n$", output);
    }

    [Fact]
    public async Task A_C_extension_imports_a_CSharp_capsule_with_PyCapsule_Import_and_CPythons_errors_stay()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import NativeDuck
            NativeDuck.callImported('CppDuck.honker')
            for name in ['CppDuck.nothing', 'NoSuchDuck.quacker']:
                try:
                    NativeDuck.callImported(name)
                except Exception as error:
                    print(f'{type(error).__name__}: {error}')
            """);

        Assert.Equal(
            "C# Honk\nAttributeError: module 'CppDuck' has no attribute 'nothing'\nImportError: PyCapsule_Import could not import module \"NoSuchDuck\"\n",
            output);
    }

    [GeneratedRegex(@"at 0x[0-9a-f]+>$")]
    private static partial Regex Address();
}
