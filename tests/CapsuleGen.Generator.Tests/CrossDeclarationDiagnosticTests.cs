using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Mistakes that only show when declarations are seen together: duplicate names, an import that
/// differs from an export in the same project or in a referenced assembly, a project without unsafe
/// code, generated names that clash.
/// </summary>
public sealed class CrossDeclarationDiagnosticTests
{
    [Fact]
    public void Two_exports_with_the_same_explicit_name_are_reported_at_the_second()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Ducks
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }

                [CapsuleGen.ExportCapsule([|"quacker"|])]
                public static void Squeak() { }
            }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(marked.Source).AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0015", marked, "The capsule name \"quacker\" is already exported by 'Ducks.Quack'; a name identifies one capsule, so give this export another");
    }

    [Fact]
    public void Exports_named_by_the_same_C_signature_are_allowed()
    {
        // SciPy integrands: many functions, one signature name.
        Assert.Empty(GeneratorRun.Of("""
            public static partial class Integrands
            {
                [CapsuleGen.ExportCapsule]
                public static double Square(double x) => x * x;

                [CapsuleGen.ExportCapsule]
                public static double Cube(double x) => x * x * x;
            }
            """).AnalyzerDiagnostics());
    }

    [Fact]
    public void An_import_that_differs_from_an_export_in_the_same_project_shows_both_signatures()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }
            }

            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface [|IQuacker|]
            {
                void Quack(int loudness);
            }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(marked.Source).AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0016", marked, "'IQuacker' does not match capsule \"quacker\" as 'Duck.Quack' exports it: it imports \"void (int)\" but the export is \"void (void)\"");
    }

    [Fact]
    public void An_import_is_checked_in_the_compilation_a_build_analyzes_with_its_generated_binding()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static int Quack(int x) => x;
            }

            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface [|IQ|]
            {
                int Quack(long x);
            }
            """);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        // The analyzer sees the generated IQ.Binding and the manifest, as in a build or an IDE.
        Assert.Contains(run.Output.SyntaxTrees, tree => tree.FilePath.EndsWith("IQ.Binding.g.cs", StringComparison.Ordinal));
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0016", marked, "'IQ' does not match capsule \"quacker\" as 'Duck.Quack' exports it: it imports \"int (int64_t)\" but the export is \"int (int)\"");
    }

    [Fact]
    public void An_import_is_checked_against_the_manifest_of_a_referenced_assembly()
    {
        MetadataReference spam = Reference(SnapshotSources.TableExport, "Spam");
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface [|ISpam|]
            {
                [CapsuleGen.CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleGen.CapsuleSlot(1)]
                float Scale(float x, float factor);
            }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Analyze(TestCompilation.Create([marked.Source], extraReferences: [spam])));

        AssertDiagnostic(diagnostic, "CAPS0016", marked, "'ISpam' does not match capsule \"spam._C_API\" as assembly 'Spam' exports it: 'Scale' reads slot 1 as \"float (float, float)\" but the export has \"double (double, double)\" there");
    }

    [Fact]
    public void An_import_that_fits_the_referenced_export_gets_no_diagnostic()
    {
        MetadataReference spam = Reference(SnapshotSources.TableExport, "Spam");

        Assert.Empty(GeneratorRun.Analyze(TestCompilation.Create([SnapshotSources.DenseTableImport.Replace("[CapsuleSlot(2)]", "[CapsuleSlot(3)]")], extraReferences: [spam])));
    }

    [Fact]
    public void An_import_reading_past_a_referenced_table_gives_both_numbers()
    {
        MetadataReference spam = Reference(SnapshotSources.TableExport, "Spam");
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface [|ISpam|]
            {
                [CapsuleGen.CapsuleSlot(20)]
                int Far();
            }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Analyze(TestCompilation.Create([marked.Source], extraReferences: [spam])));

        AssertDiagnostic(diagnostic, "CAPS0016", marked, "'ISpam' does not match capsule \"spam._C_API\" as assembly 'Spam' exports it: 'Far' reads slot 20 but the exported table has 4 slots (0 to 3)");
    }

    [Fact]
    public void A_project_without_unsafe_code_is_told_to_allow_it_and_gets_no_broken_generated_code()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Duck
            {
                [|[CapsuleGen.ExportCapsule("quacker")]|]
                public static void Quack() { }
            }
            """.Replace("[|[", "[[|").Replace("]|]", "|]]"));
        CSharpCompilation compilation = TestCompilation.Create([marked.Source], allowUnsafe: false);
        GeneratorRun run = GeneratorRun.Of(compilation);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0017", marked, "The code generated for 'Quack' calls through function pointers, which needs unsafe code; set <AllowUnsafeBlocks>true</AllowUnsafeBlocks> in the project file");
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilerDiagnostics());
    }

    [Fact]
    public void A_global_type_named_System_is_reported_at_itself_and_nothing_is_generated()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public class [|System|] { }

            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static int Quack(int x) => x;
            }
            """);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        AssertDiagnostic(Assert.Single(run.AnalyzerDiagnostics()), "CAPS0026", marked, "This type is named 'System' and declared in the global namespace, which hides the namespace System even from 'global::System', and CapsuleGen's generated code names it throughout, so nothing is generated; rename the type or declare it in a namespace");
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilerDiagnostics());
    }

    [Fact]
    public void A_global_type_named_System_in_a_referenced_assembly_is_reported_at_the_first_declaration()
    {
        MetadataReference shadow = MetadataReference.CreateFromImage(GeneratorRun.Of(TestCompilation.Create(["public class System { }"], "Shadow")).EmitCleanly());
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.ImportCapsule([|"quacker"|])]
            public partial interface IQuacker { int Quack(int x); }
            """);
        GeneratorRun run = GeneratorRun.Of(TestCompilation.Create([marked.Source], extraReferences: [shadow]));

        AssertDiagnostic(Assert.Single(run.AnalyzerDiagnostics()), "CAPS0026", marked, "The type 'System' of assembly 'Shadow' is named 'System' and declared in the global namespace, which hides the namespace System even from 'global::System', and CapsuleGen's generated code names it throughout, so nothing is generated; rename the type or declare it in a namespace");
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_type_named_System_inside_a_namespace_hides_nothing_from_generated_code()
    {
        GeneratorRun run = GeneratorRun.Of("""
            namespace Pond
            {
                public class System { }

                public static partial class Duck
                {
                    [CapsuleGen.ExportCapsule("quacker")]
                    public static int Quack(int x) => x;
                }
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics());
        run.EmitCleanly();
    }

    [Fact]
    public void Exported_overloads_are_reported_at_the_second_and_the_first_still_generates()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }

                [CapsuleGen.ExportCapsule("loud.quacker")]
                public static void [|Quack|](int loudness) { }
            }
            """);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0018", marked, "'Duck.Quack' would generate 'QuackCapsule', but an exported overload of it generates that already; rename one of them");
        Assert.Empty(run.CompilerDiagnostics());
    }

    public static TheoryData<string, string> TakenPropertyNames => new()
    {
        {
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }

                public static int QuackCapsule => 0;
            }
            """,
            "'Duck.Quack' would generate 'QuackCapsule', but 'Duck' already declares 'QuackCapsule'; rename one of them"
        },
        {
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }

                public partial class QuackCapsule { }
            }
            """,
            "'Duck.Quack' would generate 'QuackCapsule', but 'Duck' already declares 'QuackCapsule'; rename one of them"
        },
        {
            // Hiding an inherited member would draw a warning inside the generated file.
            """
            public class Pond { public static int QuackCapsule; }
            public partial class Duck : Pond
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }
            }
            """,
            "'Duck.Quack' would generate 'QuackCapsule', but 'Duck' inherits 'QuackCapsule' from 'Pond'; rename one of them"
        },
        {
            """
            public static partial class QuackCapsule
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }
            }
            """,
            "'QuackCapsule.Quack' would generate 'QuackCapsule', but 'QuackCapsule' is itself named 'QuackCapsule', and a member cannot have its type's name; rename one of them"
        },
    };

    [Theory]
    [MemberData(nameof(TakenPropertyNames))]
    public void A_taken_capsule_property_name_is_reported_and_nothing_breaks(string markedSource, string message)
    {
        MarkedSource marked = MarkedSource.Parse(markedSource);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        AssertDiagnostic(Assert.Single(run.AnalyzerDiagnostics()), "CAPS0018", marked, message);
        Assert.Empty(run.CompilerDiagnostics());
    }

    [Fact]
    public void A_private_member_of_a_base_class_is_not_inherited_so_its_name_is_free()
    {
        GeneratorRun run = GeneratorRun.Of("""
            public class Pond { private static int QuackCapsule = 1; public static int Read() => QuackCapsule; }
            public partial class Duck : Pond
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe));
        Assert.Empty(run.ProblemsInGeneratedFiles());
        run.EmitCleanly();
    }

    [Fact]
    public void A_class_re_exporting_the_name_of_a_referenced_base_class_export_hides_its_capsule_property()
    {
        MetadataReference pond = Reference("""
            public partial class Base
            {
                [CapsuleGen.ExportCapsule("base.quack")] public static void Quack() { }
                [CapsuleGen.ExportCapsule("base.honk")] protected static void Honk() { }
                [CapsuleGen.ExportCapsule("base.peep")] internal static void Peep() { }
            }
            """, "Pond");
        GeneratorRun run = GeneratorRun.Of(TestCompilation.Create(["""
            public partial class Derived : Base
            {
                [CapsuleGen.ExportCapsule("derived.quack")] public static new void Quack() { }
                [CapsuleGen.ExportCapsule("derived.honk")] protected static new void Honk() { }
                [CapsuleGen.ExportCapsule("derived.peep")] internal static void Peep() { }
            }
            """], extraReferences: [pond]));

        Assert.Empty(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe));
        Assert.Empty(run.ProblemsInGeneratedFiles());
        run.EmitCleanly();
        string generated = run.GeneratedSources.Single(source => source.HintName == "Derived.Exports.g.cs").SourceText.ToString();
        Assert.Contains("public static new global::CapsuleGen.Capsule QuackCapsule", generated, StringComparison.Ordinal);
        Assert.Contains("protected static new global::CapsuleGen.Capsule HonkCapsule", generated, StringComparison.Ordinal);
        Assert.Contains("internal static global::CapsuleGen.Capsule PeepCapsule", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_interface_inheriting_another_is_refused_in_the_user_s_file()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.ImportCapsule("quacker")] public partial interface IQuacker { void Quack(); }
            [CapsuleGen.ImportCapsule("loud.quacker")] public partial interface [|ILoudQuacker|] : IQuacker { void Shout(); }
            """);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        AssertDiagnostic(Assert.Single(run.AnalyzerDiagnostics()), "CAPS0007", marked, "'IQuacker' cannot be bound to a capsule: 'ILoudQuacker' inherits it, and members of base interfaces are not bound; declare the members in 'ILoudQuacker' itself");
        Assert.Empty(run.ProblemsInGeneratedFiles());
    }

    [Fact]
    public void A_table_slot_exported_alone_as_well_is_reported()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.ExportCapsule("spam._C_API")]
            public static partial class SpamApi
            {
                [CapsuleGen.CapsuleSlot(0)]
                [CapsuleGen.ExportCapsule("spam.add")]
                private static int [|Add|](int a, int b) => a + b;
            }
            """);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        AssertDiagnostic(diagnostic, "CAPS0018", marked, "'SpamApi.Add' would generate 'AddTrampoline', but it also fills a slot of the exported table 'SpamApi', which generates that already; rename one of them");
        Assert.Empty(run.CompilerDiagnostics());
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, MarkedSource marked, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static MetadataReference Reference(string source, string assemblyName) =>
        MetadataReference.CreateFromImage(GeneratorRun.Of(TestCompilation.Create([source], assemblyName)).EmitCleanly());
}
