using System.Collections.Immutable;
using CapsuleGen.Generator.PythonModules;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>Python modules: the generated entry point and wrappers, compiled, and the pipeline's caching.</summary>
public sealed class PythonModuleTests
{
    [Fact]
    public void CppDuckModule() => VerifyAndCompile(PythonModuleSources.CppDuck, "CppDuck");

    [Fact]
    public void BirdModule() => VerifyAndCompile(PythonModuleSources.Bird, "Bird");

    [Fact]
    public void ConversionsModule() => VerifyAndCompile(PythonModuleSources.Conversions, "Conversions");

    [Fact]
    public void ReleasingGilModule() => VerifyAndCompile(PythonModuleSources.ReleasingGil, "Releasing");

    [Fact]
    public void Exported_capsules_named_for_the_module_or_by_an_identifier_become_attributes_and_others_do_not()
    {
        string generated = Generated(PythonModuleSources.CppDuck, "CppDuck");

        Assert.Contains("new(\"quacker\", global::Samples.PythonModules.CppDuck.QuackCapsule)", generated, StringComparison.Ordinal);
        Assert.Contains("new(\"honker\", global::Samples.PythonModules.CppDuck.HonkCapsule)", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("SquareCapsule", generated, StringComparison.Ordinal); // named "double (double)"
        Assert.DoesNotContain("SpamCapsule", generated, StringComparison.Ordinal);   // named under another module
    }

    [Fact]
    public void An_infinite_default_is_kept_and_shown_in_the_text_signature_as_a_literal_that_overflows_to_infinity()
    {
        string generated = Generated(PythonModuleSources.Conversions, "Conversions");

        Assert.Contains("double limit = double.PositiveInfinity;", generated, StringComparison.Ordinal);
        Assert.Contains("PythonMethodKind.FastCallWithKeywords, \"Infinite($module, limit=1e999)\\n--\\n\\n\")", generated, StringComparison.Ordinal);
        Assert.Contains("with_defaults($module, required, scale=1.5, flag=True, label='it\\\\'s', none=None, big=-5000000000)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassesModule() => VerifyAndCompile(PythonModuleSources.Classes, "Pond");

    [Fact]
    public void Hostile_but_valid_types_compile_without_a_warning()
    {
        AssertCompilesCleanly(
            """
            #pragma warning disable CS8981, CS0618
            using System;
            using CapsuleGen.Python;

            namespace @class.@int;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction] public static @class make(@class type) => type;

                [PythonClass("Klass")]
                public sealed partial class @class
                {
                    [PythonFunction("type")] public int @int(int self, int args, int kwargs, int type) => self + args + kwargs + type;
                    [PythonFunction("Type")] public static @class Type(@class given, @class? arguments = null) => given;
                    [PythonFunction("args")] public long args(long exception) => exception;
                    [PythonFunction("quack")] public string quack() => "quack";
                    [PythonFunction("Quack")] public string Quack() => "Quack";
                    [PythonProperty("value")] public int value { get; set; }
                    [PythonProperty("Value")] public int Value2 { get => 1; set { } }
                    [Obsolete("old")] [PythonFunction("old")] public void Old() { }
                    [Obsolete("gone", true)] [PythonProperty("gone")] public int Gone { get; set; }
                    [PythonFunction("Klass_new")] public static void New() { }
                    public class Nested { }
                }

                public partial class @class { public int Extra; }

                [PythonClass, Obsolete("retired")]
                public sealed class Retired
                {
                    public Retired(int years = 0) { }
                    [PythonFunction("again")] public Retired Again() => this;
                }

                [PythonFunction] public static Retired retire() => new();
            }
            """,
            "Pond");
    }

    [Fact]
    public void ArraysModule() => VerifyAndCompile(PythonModuleSources.Arrays, "Arrays");

    [Fact]
    public void Array_parameters_named_like_the_wrappers_locals_or_keywords_compile_cleanly()
    {
        AssertCompilesCleanly(
            """
            using System;
            using CapsuleGen.DLPack;
            using CapsuleGen.Python;

            [PythonModule("Clashes")]
            public static partial class Clashes
            {
                [PythonFunction("a")]
                public static double A(ReadOnlySpan<double> arguments, Span<int> argumentsArray, ReadOnlySpan<byte> @class, StridedSpan<float> count, ReadOnlySpan<long> given = default) => 0;

                [PythonFunction("b", ReleaseGil = true)]
                public static DLPackTensor B(ReadOnlySpan<double> result, ReadOnlySpan<double> released, ReadOnlyStridedSpan<bool> exception) => DLPackTensor.FromArray(result.ToArray());
            }
            """,
            "Clashes");
    }

    [Fact]
    public void SpamModule() => VerifyAndCompile(PythonModuleSources.Spam, "Spam");

    [Fact]
    public void A_module_class_that_is_an_exported_table_publishes_it_as_a_module_attribute()
    {
        string generated = Generated(PythonModuleSources.Spam, "Spam");

        // Attribute _C_API holds a PyCapsule named "Spam._C_API" with the table's pointer: what PyCapsule_Import("Spam._C_API") requires.
        Assert.Contains("new global::CapsuleGen.Python.Modules.PythonModuleCapsule[]\n                    {\n                        new(\"_C_API\", global::Spam.SpamCapsule),\n                    });", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void DeprecatedModule() => VerifyAndCompile(PythonModuleSources.Deprecated, "Deprecated");

    [Fact]
    public void Obsolete_and_experimental_functions_and_tables_are_named_in_generated_code_without_a_diagnostic_there()
    {
        AssertCompilesCleanly(PythonModuleSources.Deprecated, "Deprecated");
        string generated = Generated(PythonModuleSources.Deprecated, "Deprecated");

        // Each warning is the user's to have where they name the symbol; an error (obsolete as an error) is kept out by an obsolete context.
        Assert.Contains("#pragma warning disable CS0612, CS0618, DEPR1, DEPR2, DEPR3 //", generated, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Generated for obsolete code of the project.\")]\n    [global::System.CodeDom.Compiler.GeneratedCode(\"CapsuleGen\", \"0.1.0\"), global::System.Diagnostics.DebuggerNonUserCode, global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]\n    [global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) })]\n    private static global::System.IntPtr Deprecated_gone(", generated, StringComparison.Ordinal);
        Assert.Contains("new(\"_retired_API\", ReadRetiredCapsule()),", generated, StringComparison.Ordinal);
        Assert.Contains("private static global::CapsuleGen.Capsule ReadRetiredCapsule() => global::Deprecated.Retired.RetiredCapsule;", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_not_declared_nullable_with_a_null_default_takes_None_too_and_compiles_without_a_warning()
    {
        const string Source = """
            #pragma warning disable CS8625 // the project's own declarations: a null default for a type not declared nullable
            using CapsuleGen;
            using CapsuleGen.Python;

            [PythonModule("Pond")]
            public static partial class Pond
            {
                [PythonFunction] public static bool capsule(Capsule c = null) => c is null;
                [PythonFunction] public static bool text(string s = null) => s is null;
                [PythonFunction] public static bool obj(PyObject o = null) => o is null;
                [PythonFunction] public static bool by_default(int n, Capsule c = default, string s = default) => c is null && s is null;
            }
            """;

        AssertCompilesCleanly(Source, "Pond");
        string generated = Generated(Source, "Pond");

        Assert.Contains("if (arguments[0] != 0 && !global::CapsuleGen.Python.Modules.PythonArguments.TryConvertOrNone(arguments[0], \"Pond.capsule\", \"c\", out c))", generated, StringComparison.Ordinal);
        Assert.Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(capsule(c!));", generated, StringComparison.Ordinal);
        Assert.Contains("string? s = null;\n            if (arguments[0] != 0 && !global::CapsuleGen.Python.Modules.PythonArguments.TryConvertOrNone(arguments[0], \"Pond.text\", \"s\", out s))", generated, StringComparison.Ordinal);
        Assert.Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(text(s!));", generated, StringComparison.Ordinal);
        Assert.Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(obj(o));", generated, StringComparison.Ordinal);
        Assert.Contains("\"by_default($module, n, c=None, s=None)\\n--\\n\\n\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_compiles_where_nint_and_nuint_name_other_types()
    {
        const string Source = """
            #pragma warning disable CS8981
            global using nuint = System.Int64;
            using System;

            namespace Pond;

            public struct nint { }

            [CapsuleGen.Python.PythonModule("Pond")]
            public static partial class Module
            {
                [CapsuleGen.Python.PythonFunction] public static IntPtr add(IntPtr a, UIntPtr b) => a + (IntPtr)b;
                [CapsuleGen.Python.PythonFunction] public static UIntPtr one() => 1;
            }
            """;

        AssertCompilesCleanly(Source, "Pond");
    }

    [Fact]
    public void A_module_of_a_CLS_compliant_assembly_compiles_without_a_warning()
    {
        const string Source = """
            [assembly: System.CLSCompliant(true)]
            #pragma warning disable CS3001, CS3002 // the project's own declarations

            [CapsuleGen.Python.PythonModule("Pond")]
            public static partial class Pond
            {
                [CapsuleGen.Python.PythonFunction] public static uint twice(uint x, string label = "x") => 2 * x;
                [CapsuleGen.ExportCapsule("Pond.quack")] public static void Quack() { }
            }
            """;

        AssertCompilesCleanly(Source, "Pond");
    }

    [Fact]
    public void Functions_named_like_the_wrappers_locals_and_parameters_named_like_their_function_are_called()
    {
        const string Source = """
            [CapsuleGen.Python.PythonModule("Pond")]
            public static partial class Pond
            {
                [CapsuleGen.Python.PythonFunction] public static long count(long n) => n;
                [CapsuleGen.Python.PythonFunction] public static long module() => 1;
                [CapsuleGen.Python.PythonFunction] public static long unused() => 2;
                [CapsuleGen.Python.PythonFunction] public static long args(long exception, long count) => exception + count;
                [CapsuleGen.Python.PythonFunction] public static long scale(long scale) => scale;
                [CapsuleGen.Python.PythonFunction("f")] public static int @int(int @int) => @int;
            }
            """;

        AssertCompilesCleanly(Source, "Pond");
        string generated = Generated(Source, "Pond");
        Assert.Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(global::Pond.scale(scale));", generated, StringComparison.Ordinal);
        Assert.Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(global::Pond.@int(@int));", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrappers_and_the_entry_point_are_named_against_every_other_name_of_the_class_generated_or_not()
    {
        const string Source = """
            [CapsuleGen.Python.PythonModule("A")]
            public static partial class A
            {
                [CapsuleGen.ExportCapsule("a.y")] public static int A_y(int x) => x;
                [CapsuleGen.Python.PythonFunction("yCapsule")] public static int Y() => 1;
                [CapsuleGen.Python.PythonFunction("yTrampoline")] public static int Z() => 2;
                [CapsuleGen.Python.PythonFunction("quack")] public static void Quack() { }
                private static void A_quack() { }
                private static void PyInit_A() { }
            }
            """;

        AssertCompilesCleanly(Source, "A");
        string generated = Generated(Source, "A");
        Assert.Contains(
            "private static class PyInit_A1\n    {\n" +
            "        [global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) }, EntryPoint = \"PyInit_A\")]\n" +
            "        public static global::System.IntPtr Create()",
            generated,
            StringComparison.Ordinal);
        Assert.Contains("private static global::System.IntPtr A_yCapsule1(", generated, StringComparison.Ordinal);
        Assert.Contains("private static global::System.IntPtr A_yTrampoline1(", generated, StringComparison.Ordinal);
        Assert.Contains("private static global::System.IntPtr A_quack1(", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_signatures_are_ASCII_Python_whatever_the_parameters_are_named_and_their_defaults_hold()
    {
        string generated = Generated("""
            [CapsuleGen.Python.PythonModule("Pond")]
            public static partial class Pond
            {
                [CapsuleGen.Python.PythonFunction]
                public static int keywords(int lambda, int @class, int None, int class_, string duck = "🦆", string odd = "\uD800\U000E0001", int Δ = 1) => 0;
            }
            """, "Pond");

        // In the C# literal of the docstring: keywords($module, lambda_, class_1, None_, class_, duck='\U0001f986', odd='\ud800\U000e0001', arg7=1)
        Assert.Contains("\"keywords($module, lambda_, class_1, None_, class_, duck='\\\\U0001f986', odd='\\\\ud800\\\\U000e0001', arg7=1)\\n--\\n\\n\")", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_unsafe_code_nothing_is_generated_and_CAPS0017_says_why()
    {
        CSharpCompilation compilation = PythonModuleCompilation.Create(PythonModuleSources.Bird, "Bird", allowUnsafe: false);
        GeneratorRun run = GeneratorRun.Of(compilation);

        Assert.DoesNotContain(run.GeneratedSources, source => source.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal));
        Assert.Contains(PythonModuleCompilation.Analyze(compilation), diagnostic => diagnostic.Id == "CAPS0017" && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Bird'", StringComparison.Ordinal));
    }

    [Fact]
    public void Below_CSharp_10_nothing_is_generated_and_CAPS0022_says_why_at_the_module()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [[|CapsuleGen.Python.PythonModule("Bird")|]]
            public static partial class Bird
            {
                [CapsuleGen.Python.PythonFunction] public static int one() => 1;
            }
            """);
        CSharpCompilation compilation = PythonModuleCompilation.Create(marked.Source, "Bird", LanguageVersion.CSharp9);
        GeneratorRun run = GeneratorRun.Of(compilation);

        Assert.Empty(run.GeneratedSources);
        Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());
        Assert.Equal("CAPS0022", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal("The code generated for 'Bird' needs C# 10 or later, but the project compiles as C# 9.0; set <LangVersion>10</LangVersion> or later in the project file", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_edit_in_an_unrelated_file_leaves_the_module_steps_cached_and_holding_no_compiler_objects() =>
        AssertUnrelatedEditCaches(PythonModuleSources.Bird, "Bird");

    [Fact]
    public void An_edit_in_an_unrelated_file_leaves_a_module_with_classes_cached_and_holding_no_compiler_objects() =>
        AssertUnrelatedEditCaches(PythonModuleSources.Classes, "Pond");

    private static void AssertUnrelatedEditCaches(string source, string assembly)
    {
        CSharpCompilation compilation = PythonModuleCompilation.Create(source, assembly)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { }", TestCompilation.ParseOptions(), cancellationToken: TestContext.Current.CancellationToken));
        GeneratorDriver driver = GeneratorRun.Of(compilation).Driver;
        GeneratorRunResult first = GeneratorRun.Of<PythonModuleGenerator>(driver);
        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int Touched; }"))), TestContext.Current.CancellationToken);
        GeneratorRunResult second = GeneratorRun.Of<PythonModuleGenerator>(driver);

        foreach (string step in new[] { PythonModuleSteps.Modules, PythonModuleSteps.ValidModules, PythonModuleSteps.WithCapsules, PythonModuleSteps.Files })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(run => run.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
            foreach (object? value in first.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Value))
            {
                IncrementalityTests.AssertHoldsNoCompilerObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    [Fact]
    public void Editing_a_function_body_regenerates_nothing() =>
        AssertBodyEditRegeneratesNothing(PythonModuleSources.Bird, "Bird", "s_quacker.Bind(quack);", "s_quacker.Bind(quack ?? throw new System.ArgumentNullException(nameof(quack)));");

    [Fact]
    public void Editing_a_method_body_of_a_class_regenerates_nothing() =>
        AssertBodyEditRegeneratesNothing(PythonModuleSources.Classes, "Pond", "=> \"Quack!\";", "=> \"Quack! Quack!\";");

    private static void AssertBodyEditRegeneratesNothing(string source, string assembly, string before, string after)
    {
        CSharpCompilation compilation = PythonModuleCompilation.Create(source, assembly);
        GeneratorDriver driver = GeneratorRun.Of(compilation).Driver;
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        string edited = source.Replace(before, after, StringComparison.Ordinal);
        Assert.NotEqual(source, edited);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edited))), TestContext.Current.CancellationToken);
        GeneratorRunResult second = GeneratorRun.Of<PythonModuleGenerator>(driver);

        Assert.All(second.TrackedSteps[PythonModuleSteps.ValidModules].SelectMany(run => run.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    private static string Generated(string source, string assembly) =>
        PythonModuleCompilation.Run(source, assembly).GeneratedSources
            .Single(generated => generated.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>The module compiles without a warning at the oldest supported and the newest language version, and the analyzers take it.</summary>
    private static void AssertCompilesCleanly(string source, string assembly)
    {
        foreach (LanguageVersion version in new[] { LanguageVersion.CSharp10, LanguageVersion.Latest })
        {
            GeneratorRun run = PythonModuleCompilation.Run(source, assembly, version);
            Assert.Empty(run.ProblemsInGeneratedFiles());
            Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
            run.EmitCleanly();
        }
    }

    private static void VerifyAndCompile(string source, string assembly, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = PythonModuleCompilation.Run(source, assembly);
        Assert.Empty(run.GeneratorDiagnostics);
        ImmutableArray<Diagnostic> diagnostics = run.PythonAnalyzerDiagnostics();
        Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics.Select(GeneratorRun.Describe)));

        // The same output compiles without a warning at the oldest supported and the newest language version,
        // and the compiled assembly carries the type stub the build writes out, reviewed as a .pyi of its own.
        var stubs = MetadataPairs.Read(run.EmitCleanly())
            .Where(pair => pair.Key.StartsWith("CapsuleGen.PythonModule.", StringComparison.Ordinal) && pair.Key.EndsWith(".Stub", StringComparison.Ordinal))
            .Select(pair => (pair.Key["CapsuleGen.PythonModule.".Length..^".Stub".Length] + ".pyi", pair.Value!));
        Snapshot.Verify(run.Result, stubs, testName: testName);
        PythonModuleCompilation.Run(source, assembly, LanguageVersion.CSharp10).EmitCleanly();
    }
}
