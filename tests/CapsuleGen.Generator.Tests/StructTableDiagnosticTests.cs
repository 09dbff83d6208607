using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// The diagnostics of C struct tables (CAPS0061 to CAPS0066): each at the member the fix goes to,
/// with a message that says what to write; nothing is generated for the broken declaration.
/// </summary>
public sealed class StructTableDiagnosticTests
{
    public static TheoryData<string, string, string> Misuses => new()
    {
        {
            "CAPS0061",
            """
            [ImportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public partial interface ISpam
            {
                int Version { get; }

                [CapsuleSlot(1)]
                int [|Add|](int a, int b);
            }
            """,
            "'ISpam.Add' is marked [CapsuleSlot], but 'ISpam' is laid out as a C struct, whose fields are its members in declaration order; remove the attribute and declare the members in the struct's order"
        },
        {
            "CAPS0061",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField]
                public const int Version = 1;

                [CapsuleSlot(1)]
                private static int [|Add|](int a, int b) => a + b;
            }
            """,
            "'SpamApi.Add' is marked [CapsuleSlot], but 'SpamApi' is laid out as a C struct, whose fields are placed in declaration order; mark it [CapsuleField] instead"
        },
        {
            "CAPS0061",
            """
            [ExportCapsule("spam._C_API")]
            public static partial class SpamApi
            {
                [CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;

                [CapsuleField]
                public const int [|Version|] = 1;
            }
            """,
            "'SpamApi.Version' is marked [CapsuleField], but 'SpamApi' is a table of slots; mark it [CapsuleSlot(n)], or export a C struct with [ExportCapsule(..., Layout = CapsuleLayout.CStruct)]"
        },
        {
            "CAPS0061",
            """
            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleField]
                int [|Scale|](int a);
            }
            """,
            "'ISpam.Scale' is marked [CapsuleField], but 'ISpam' reads a table of slots; mark it [CapsuleSlot(n)], or import a C struct with [ImportCapsule(..., Layout = CapsuleLayout.CStruct)]"
        },
        {
            "CAPS0063",
            """
            [ImportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public partial interface ISpam
            {
                decimal [|Total|] { get; }
            }
            """,
            "'ISpam.Total' cannot be part of a C struct table: its type is 'decimal', but a field's type is a number ('int', 'double', 'nint'...), 'bool' (C 'bool'), 'char' (C 'char16_t'), an enum, a pointer, a 'delegate* unmanaged[Cdecl]<...>' or an unmanaged struct"
        },
        {
            "CAPS0063",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public partial class SpamApi
            {
                [CapsuleField]
                private int [|Add|](int a, int b) => a + b;
            }
            """,
            "'SpamApi.Add' cannot be part of a C struct table: an instance method needs an object, which a native pointer cannot carry; make it static"
        },
        {
            "CAPS0063",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField]
                public static int [|Counter|];
            }
            """,
            "'SpamApi.Counter' cannot be part of a C struct table: the table holds a copy made when it is built, so later changes to a mutable field would not reach it; make it 'const' or 'static readonly'"
        },
        {
            "CAPS0063",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class [|SpamApi|]
            {
                private static int Add(int a, int b) => a + b;
            }
            """,
            "'SpamApi' cannot be part of a C struct table: it has no [CapsuleField] member; mark each static method, constant and static readonly field that is a field of the struct"
        },
        {
            "CAPS0063",
            """
            [ImportCapsule("spam._C_API", [|Layout = (CapsuleLayout)7|])]
            public partial interface ISpam
            {
                int Version { get; }
            }
            """,
            "'ISpam' cannot be part of a C struct table: Layout is 7, which is no CapsuleLayout; use CapsuleLayout.Slots or CapsuleLayout.CStruct"
        },
        {
            "CAPS0063",
            """
            [ImportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public partial interface [|ISpam|]
            {
            }
            """,
            "'ISpam' cannot be part of a C struct table: it declares no member; declare the struct's fields in order, methods for functions and get-only properties for values"
        },
        {
            "CAPS0064",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField]
                public const string Magic = "spam";

                [CapsuleField(StructSize = true)]
                public const int [|Size|] = 16;

                [CapsuleField]
                public const int Version = 2;

                [CapsuleField]
                private static double Add(double a, double b) => a + b;
            }
            """,
            "'SpamApi.Size' holds the table's size, which is 24 bytes; write 'const int Size = 24'"
        },
        {
            "CAPS0065",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField(StructSize = true)]
                public static readonly int [|Size|] = 8;
            }
            """,
            "'SpamApi.Size' cannot hold the struct's size: an exported table's size field is a 'const int', whose value the generator checks against the computed size"
        },
        {
            "CAPS0065",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField(StructSize = true)]
                public const long [|Size|] = 8;
            }
            """,
            "'SpamApi.Size' cannot hold the struct's size: it is a 'long' constant; an exported table's size field is a 'const int'"
        },
        {
            "CAPS0065",
            """
            [ImportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public partial interface ISpam
            {
                [CapsuleField(StructSize = true)]
                double [|Size|] { get; }
            }
            """,
            "'ISpam.Size' cannot hold the struct's size: it is a 'double'; the size field is an 'int', 'uint', 'long', 'ulong', 'nint' or 'nuint'"
        },
        {
            "CAPS0066",
            """
            [ExportCapsule("spam._C_API", Layout = CapsuleLayout.CStruct)]
            public static partial class SpamApi
            {
                [CapsuleField]
                public const string [|Magic|] = "spam\0API";
            }
            """,
            "'SpamApi.Magic' contains a NUL character at index 4, where C would end the string; remove it, or export the bytes through a pointer field"
        },
    };

    /// <summary>The misuses' sources without their markers, which the robustness test mutates.</summary>
    internal static IEnumerable<string> MisuseSources =>
        Misuses.Select(row => MarkedSource.Parse("using CapsuleGen;\n\n" + (string)((Xunit.ITheoryDataRow)row).GetData()[1]!).Source);

    [Theory]
    [MemberData(nameof(Misuses))]
    public void A_misuse_is_reported_where_the_fix_goes(string id, string markedSource, string message)
    {
        MarkedSource marked = MarkedSource.Parse("using CapsuleGen;\n\n" + markedSource);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.EndsWith("#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("[ImportCapsule(\"spam._C_API\", Layout = CapsuleLayout.CStruct)]\npublic partial interface ISpam\n{\n    int Version { get; }\n}", "public partial interface ISpam\n{\n    int Minor { get; }\n}", "ISpam.Minor", "ISpam.Version")]
    [InlineData("[ExportCapsule(\"spam._C_API\", Layout = CapsuleLayout.CStruct)]\npublic static partial class SpamApi\n{\n    [CapsuleField]\n    public const int Version = 1;\n}", "public static partial class SpamApi\n{\n    [CapsuleField]\n    public const int Minor = 2;\n}", "SpamApi.Minor", "SpamApi.Version")]
    public void Fields_split_across_parts_of_a_partial_type_are_reported_in_the_second_part(string first, string second, string member, string firstMember)
    {
        string table = member.Split('.')[0];
        GeneratorRun run = GeneratorRun.Of(TestCompilation.Create(["using CapsuleGen;\n\n" + first, "using CapsuleGen;\n\n" + second]));

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        Assert.Equal("CAPS0062", diagnostic.Id);
        Assert.Equal("Source1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(
            $"'{member}' is a field of the C struct table '{table}', but it is declared in another part of the partial type than '{firstMember}'; fields are laid out in declaration order, which C# does not define across parts, so declare every field in one part",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_struct_import_that_differs_from_a_struct_export_in_this_project_names_the_field()
    {
        string source = SnapshotSources.StructTableExport + """

            [ImportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
            public unsafe partial interface IWrongSpam
            {
                byte* Magic { get; }

                int Size { get; }

                int Version { get; }
            }
            """;

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(source).AnalyzerDiagnostics());

        Assert.Equal("CAPS0016", diagnostic.Id);
        Assert.Equal(
            "'IWrongSpam' does not match capsule \"spam._C_STRUCT\" as 'SpamStruct' exports it: 'Version' reads \"int\" at offset 12 but the export has \"uint8_t\" there",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_struct_import_is_checked_against_the_manifest_of_a_referenced_assembly()
    {
        MetadataReference spam = MetadataReference.CreateFromImage(GeneratorRun.Of(TestCompilation.Create([SnapshotSources.StructTableExport], "Spam")).EmitCleanly());
        string longer = SnapshotSources.StructTableImport.Replace("double Add(double a, double b) => a + b;", "double Add(double a, double b);\n\n    float Scale { get; }\n\n    byte* Name(int code);\n\n    long Later { get; }");
        string shorter = SnapshotSources.StructTableImport.Replace("double Add(double a, double b) => a + b;", "double Add(double a, double b);\n\n    float Scale { get; }");

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Analyze(TestCompilation.Create([longer], extraReferences: [spam])));

        Assert.Equal(
            "'ISpamStruct' does not match capsule \"spam._C_STRUCT\" as assembly 'Spam' exports it: it declares a C struct of 48 bytes but the export is a C struct of 40 bytes",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(GeneratorRun.Analyze(TestCompilation.Create([shorter], extraReferences: [spam])));
    }

    [Fact]
    public void A_slot_import_of_a_struct_export_is_reported()
    {
        string source = SnapshotSources.StructTableExport + """

            [ImportCapsule("spam._C_STRUCT")]
            public partial interface ISlotSpam
            {
                [CapsuleSlot(2)]
                double Add(double a, double b);
            }
            """;

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(source).AnalyzerDiagnostics());

        Assert.Equal("CAPS0016", diagnostic.Id);
        Assert.EndsWith("it imports a table of slots but the export is a C struct of 40 bytes", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
