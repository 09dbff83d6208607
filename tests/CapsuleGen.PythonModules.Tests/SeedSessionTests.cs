using System.Text.RegularExpressions;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>The seeds' session in a real python3, with the modules written in C# and published with NativeAOT.</summary>
public sealed partial class SeedSessionTests
{
    /// <summary>
    /// Each line typed at the prompt, and what the session must print for it: the C# modules' part (also
    /// replayed with the modules installed from their wheels, WheelInstallTests), the C extension's, and the end.
    /// </summary>
    internal static readonly (string Input, string[] Output)[] CSharpModulesSession =
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
    ];

    private static readonly (string Input, string[] Output)[] s_nativeDuckSession =
    [
        ("import NativeDuck", []),
        ("Bird.setQuack(NativeDuck.getQuack())", []),
        ("Bird.callQuack()", ["C++ Quack"]),
        ("NativeDuck.callImported('CppDuck.quacker')", ["C# Quack"]),
    ];

    internal static readonly (string Input, string[] Output)[] SessionEnd =
    [
        ("CppDuck.quacker", ["<capsule object \"CppDuck.quacker\" at ADDRESS>"]),
        ("Bird.resetQuack()", []),
        ("Bird.callQuack()", ["No noise came out."]),
    ];

    [Fact]
    public async Task The_seeds_session_runs_in_python3_with_the_bug_fixed_and_clear_errors()
    {
        (string Input, string[] Output)[] session = [.. CSharpModulesSession, .. s_nativeDuckSession, .. SessionEnd];
        (int exitCode, string output) = await PythonProcess.RunAsync(SessionInput(session), "-q", "-i", "-u");

        AssertSession(session, exitCode, output);
    }

    /// <summary>The lines of <paramref name="session"/> as typed, for <c>python3 -q -i -u</c>.</summary>
    internal static string SessionInput((string Input, string[] Output)[] session) => string.Concat(session.Select(line => line.Input + "\n"));

    /// <summary>What <c>python3 -q -i -u</c> printed for <paramref name="session"/>: each line's output after its prompt, and a clean exit.</summary>
    internal static void AssertSession((string Input, string[] Output)[] session, int exitCode, string output)
    {
        // The interactive interpreter prints ">>> " before reading each line; what a line prints comes after its prompt.
        string[] printed = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split(">>> ");
        Assert.True(printed.Length == session.Length + 2, $"expected {session.Length + 1} prompts:{Environment.NewLine}{output}");
        for (int i = 0; i < session.Length; i++)
        {
            // Python 3.13 also shows, in a traceback, the line typed and carets under it, indented by four spaces.
            string[] lines = printed[i + 1].Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(line => !line.StartsWith("    ", StringComparison.Ordinal))
                .Select(line => Address().Replace(line, "at ADDRESS>")).ToArray();
            Assert.True(session[i].Output.SequenceEqual(lines), $">>> {session[i].Input}{Environment.NewLine}expected:{Environment.NewLine}{string.Join(Environment.NewLine, session[i].Output)}{Environment.NewLine}printed:{Environment.NewLine}{printed[i + 1]}");
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
