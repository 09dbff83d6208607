using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Keyword arguments as the generator sees them: parameters named like anything the wrapper names,
/// the text signature's <c>/</c> and <c>*</c> for every placement of the markers, and declarations C#
/// allows but a Python <c>def</c> cannot say.
/// </summary>
public sealed class KeywordParameterTests
{
    [Fact]
    public void Parameters_named_like_every_name_the_wrapper_uses_compile_with_and_without_the_GIL()
    {
        const string Source = """
            #pragma warning disable CS8981
            using CapsuleGen;
            using CapsuleGen.Python;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction]
                public static long locals(long args, long count, long keywords, long given, [KeywordOnly] long arguments = 0, long module = 0, long exception = 0, long unused = 0, long released = 0, long result = 0) => 0;

                [PythonFunction(ReleaseGil = true)]
                public static long released([PositionalOnly] long released, long result, [KeywordOnly] Capsule? given = null, string arguments = "", long exception = 0) => 0;

                [PythonFunction(ReleaseGil = true)]
                public static void result(long result, [KeywordOnly] Capsule? released = null) { }

                [PythonFunction]
                public static long given(long given, [KeywordOnly] PyObject? keywords = null, Capsule? arguments = null) => 0;

                [PythonFunction]
                public static long names(long Pond, long PyInit_Pond, long Pond_names, long System, long CapsuleGen, long global, long IntPtr, long nint, long var, long @params) => 0;
            }
            """;

        foreach (LanguageVersion version in new[] { LanguageVersion.CSharp10, LanguageVersion.Latest })
        {
            GeneratorRun run = PythonModuleCompilation.Run(Source, "Pond", version);
            Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
            Assert.Empty(run.ProblemsInGeneratedFiles());
            run.EmitCleanly();
        }
    }

    /// <summary>Every placement of <c>[PositionalOnly]</c> and <c>[KeywordOnly]</c> on three parameters, as a <c>def</c> writes it.</summary>
    [Fact]
    public void The_text_signature_puts_slash_and_star_where_a_def_puts_them_for_every_placement_of_the_markers()
    {
        string[] names = { "a", "b", "c" };
        var functions = new List<string>();
        var expected = new Dictionary<string, string>();
        for (int positionalOnly = 0; positionalOnly <= 3; positionalOnly++)
        {
            for (int keywordOnly = positionalOnly; keywordOnly <= 3; keywordOnly++)
            {
                foreach (bool defaults in new[] { false, true })
                {
                    string name = string.Create(CultureInfo.InvariantCulture, $"f{positionalOnly}{keywordOnly}{(defaults ? "d" : string.Empty)}");
                    var parameters = new List<string>();
                    var shown = new List<string> { "$module" };
                    for (int i = 0; i < 3; i++)
                    {
                        string marker = (i + 1 == positionalOnly ? "[PositionalOnly] " : string.Empty) + (i == keywordOnly ? "[KeywordOnly] " : string.Empty);
                        bool hasDefault = defaults && i > 0;
                        parameters.Add($"{marker}int {names[i]}{(hasDefault ? " = " + i.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
                        if (i == keywordOnly)
                        {
                            shown.Add("*");
                        }

                        shown.Add(hasDefault ? $"{names[i]}={i.ToString(CultureInfo.InvariantCulture)}" : names[i]);
                        if (i + 1 == positionalOnly)
                        {
                            shown.Add("/");
                        }
                    }

                    functions.Add($"    [PythonFunction] public static int {name}({string.Join(", ", parameters)}) => 0;");
                    expected[name] = $"\"{name}({string.Join(", ", shown)})\\n--\\n\\n\"";
                }
            }
        }

        string source = "using CapsuleGen.Python;\n\n[PythonModule(\"Pond\")]\npublic static partial class Pond\n{\n" + string.Join("\n", functions) + "\n}\n";
        GeneratorRun run = PythonModuleCompilation.Run(source, "Pond");
        Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
        run.EmitCleanly();
        string generated = Generated(run);
        Assert.All(expected, pair => Assert.Contains(pair.Value, generated, StringComparison.Ordinal));
        Assert.Contains("\"f33($module, a, b, c, /)\\n--\\n\\n\"", expected.Values); // the table above says what the tests mean
        Assert.Contains("\"f00($module, *, a, b, c)\\n--\\n\\n\"", expected.Values);
        Assert.Contains("\"f11d($module, a, /, *, b=1, c=2)\\n--\\n\\n\"", expected.Values);
    }

    /// <summary>
    /// <c>[Optional, DefaultParameterValue(5)] int a, int b</c> and <c>[Optional] int a, int b</c> are legal C#:
    /// the compiler reports nothing (CS1737 is only for <c>= value</c>). No <c>def</c> can say the first
    /// (<c>def f(a=5, b)</c> is a SyntaxError), and the runtime takes the parameters without a default to be
    /// the first ones. The generator must report it, or take <c>a</c> as required, as Python would have to;
    /// it must not drop the whole module without a word, leaving no <c>PyInit_Pond</c> to import.
    /// </summary>
    [Theory]
    [InlineData("[Optional, DefaultParameterValue(5)] int a, int b")]
    [InlineData("[Optional] int a, int b")]
    public void An_optional_parameter_before_a_required_one_is_reported_or_taken_as_required(string parameters)
    {
        string source = $$"""
            using System.Runtime.InteropServices;
            using CapsuleGen.Python;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction] public static int f({{parameters}}) => a + b;
                [PythonFunction] public static int g(int x) => x;
            }
            """;

        GeneratorRun run = PythonModuleCompilation.Run(source, "Pond");
        Assert.Empty(run.CompilerDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(GeneratorRun.Describe));
        if (run.PythonAnalyzerDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            return; // reported where the fix goes
        }

        Assert.True(
            run.GeneratedSources.Any(generated => generated.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal)),
            "Nothing reported and nothing generated: the module has no PyInit_Pond, and nothing says why");
        string generated = Generated(run);
        Assert.DoesNotContain("a=5, b", generated, StringComparison.Ordinal); // inspect.signature cannot read it
        Assert.Contains("new(\"Pond.f\", \"a\\u0000b\", 2, 2, 0, 2)", generated, StringComparison.Ordinal); // both required
    }

    /// <summary>
    /// <c>__debug__</c> is no keyword, but Python can no more spell it as a parameter than one: <c>def f(__debug__)</c>
    /// and <c>f(__debug__=1)</c> are SyntaxErrors ("cannot assign to __debug__"). It is renamed as a keyword is.
    /// </summary>
    [Fact]
    public void A_parameter_named_debug_gets_a_Python_name_callers_can_write()
    {
        const string Source = """
            using CapsuleGen.Python;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction] public static bool f(bool __debug__ = false) => __debug__;
            }
            """;

        GeneratorRun run = PythonModuleCompilation.Run(Source, "Pond");
        run.EmitCleanly();
        Assert.Contains("\"f($module, __debug___=False)\\n--\\n\\n\"", Generated(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_markers_on_one_parameter_are_reported_at_it_without_saying_it_comes_after_itself()
    {
        const string Source = """
            using CapsuleGen.Python;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction] public static int f(int a, [PositionalOnly, KeywordOnly] int b) => a + b;
            }
            """;

        Diagnostic diagnostic = Assert.Single(PythonModuleCompilation.Run(Source, "Pond").PythonAnalyzerDiagnostics());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("b", Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.DoesNotContain("'b' after it", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string Generated(GeneratorRun run) =>
        run.GeneratedSources.Single(generated => generated.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal)).SourceText.ToString();
}
