using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Struct layouts are part of a capsule's signature: computed at compile time exactly as the runtime
/// lays the structs out, carried by every capsule and manifest, and compared when a capsule is
/// bound and when an import meets an export at compile time, so that two structs C spells alike
/// but .NET lays out differently never bind.
/// </summary>
public sealed partial class StructLayoutTests
{
    /// <summary>Structs of every layout rule CoreCLR has, behind pointers so that each is described.</summary>
    private const string LayoutZoo = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using CapsuleGen;

        public enum Tiny : byte { A = 1 }
        public struct Plain { public byte A; public long B; public short C; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)] public struct PackOne { public byte A; public Plain B; public double C; }
        [StructLayout(LayoutKind.Sequential, Pack = 2)] public struct PackTwo { public byte A; public long B; }
        [StructLayout(LayoutKind.Sequential, Pack = 16)] public struct PackSixteen { public byte A; public long B; }
        [StructLayout(LayoutKind.Sequential, Size = 20)] public struct SizedUp { public long A; }
        [StructLayout(LayoutKind.Sequential, Size = 2)] public struct SizedDown { public int A; public byte B; }
        [StructLayout(LayoutKind.Explicit)] public struct Misaligned { [FieldOffset(1)] public int A; }
        [StructLayout(LayoutKind.Explicit, Size = 3)] public struct ExplicitSmall { [FieldOffset(0)] public int A; }
        [StructLayout(LayoutKind.Explicit, Pack = 1)] public struct ExplicitPacked { [FieldOffset(0)] public byte A; [FieldOffset(4)] public long B; }
        [StructLayout(LayoutKind.Explicit)] public struct Union { [FieldOffset(0)] public byte A; [FieldOffset(2)] public short B; [FieldOffset(0)] public double C; }
        public unsafe struct Buffers { public byte A; public fixed double B[3]; public fixed byte C[3]; public Tiny D; }
        [StructLayout(LayoutKind.Sequential, Pack = 4)] public unsafe struct PackedBuffers { public byte A; public fixed long B[2]; }
        public struct Element { public byte A; public short B; }
        [InlineArray(3)] public struct Elements { private Element _element; }
        public struct HoldsElements { public byte A; public Elements B; }
        public struct Flags { public bool A; public char B; public int C; public bool D; }
        public record struct Recorded(byte A, long B);
        public struct Captured(long a) { public byte B; public long A => a; }

        public static unsafe partial class Zoo
        {
            // Marshal.OffsetOf reports where marshalling would put a bool or a char; this is where .NET keeps them.
            public static string FlagsLayout() { Flags f = default; byte* at = (byte*)&f; return $"{sizeof(Flags)} {(byte*)&f.A - at} {(byte*)&f.B - at} {(byte*)&f.C - at} {(byte*)&f.D - at}"; }

            [ExportCapsule("zoo")]
            public static void Take(Plain* a, PackOne* b, PackTwo* c, PackSixteen* d, SizedUp* e, SizedDown* f, Misaligned* g, ExplicitSmall* h,
                ExplicitPacked* i, Union* j, Buffers* k, PackedBuffers* l, HoldsElements* m, Flags* n, Recorded* o, Captured* p) { }
        }
        """;

    [Fact]
    public void Computed_layouts_agree_with_the_runtime_for_every_layout_rule()
    {
        LoadedModule zoo = LoadedModule.Compile(LayoutZoo, "Zoo_" + Guid.NewGuid().ToString("N"));
        IReadOnlyList<string> layouts = ((Capsule)zoo.Get("Zoo", "TakeCapsule")!).Signature!.StructLayouts;

        Assert.Equal(
            ["Buffers", "Captured", "Element", "Elements", "ExplicitPacked", "ExplicitSmall", "Flags", "HoldsElements", "Misaligned", "PackOne", "PackSixteen", "PackTwo", "PackedBuffers", "Plain", "Recorded", "SizedDown", "SizedUp", "Union"],
            layouts.Select(layout => LayoutPattern().Match(layout).Groups["name"].Value));
        foreach (string layout in layouts)
        {
            Match match = LayoutPattern().Match(layout);
            Assert.True(match.Success, layout);
            if (match.Groups["name"].Value == "Flags")
            {
                Assert.Equal("struct Flags (12 bytes, align 4) { bool A at 0; char16_t B at 2; int C at 4; bool D at 8; }", layout);
                Assert.Equal("12 0 2 4 8", zoo.Call("Zoo", "FlagsLayout"));
                continue;
            }

            Type type = zoo.Type(match.Groups["name"].Value);
            Assert.True(Marshal.SizeOf(type) == int.Parse(match.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture), $"size of {layout}");
            Assert.True(AlignmentOf(type) == int.Parse(match.Groups["align"].Value, System.Globalization.CultureInfo.InvariantCulture), $"alignment of {layout}");
            foreach (Match field in FieldPattern().Matches(match.Groups["fields"].Value))
            {
                string name = FieldName(field.Groups["declaration"].Value);
                FieldInfo info = type.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    ?? type.GetField($"<{name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
                    ?? type.GetField($"<{name}>P", BindingFlags.Instance | BindingFlags.NonPublic)!;
                Assert.True(Marshal.OffsetOf(type, info.Name) == int.Parse(field.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture), $"offset of {name} in {layout}");
            }
        }
    }

    [Fact]
    public void Look_alike_structs_of_two_modules_are_refused_with_both_layouts()
    {
        LoadedModule exporter = LoadedModule.Compile(
            """
            namespace Screen;
            public struct Point { public int X; public int Y; }
            public static partial class Geometry
            {
                [CapsuleGen.ExportCapsule("geometry.mirror")]
                public static Point Mirror(Point point) => new Point { X = point.Y, Y = point.X };
            }
            """,
            "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            """
            namespace Paper;
            public struct Point { public double X; public double Y; }
            [CapsuleGen.ImportCapsule("geometry.mirror")]
            public partial interface IMirror { Point Mirror(Point point); }
            public static class Driver
            {
                public static string Run(CapsuleGen.Capsule capsule) => new IMirror.Binding(capsule).Mirror(new Point { X = 1, Y = 2 }).X.ToString();
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));
        var capsule = (Capsule)exporter.Get("Screen.Geometry", "MirrorCapsule")!;

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Paper.Driver", "Run", capsule));

        Assert.Equal("struct Point (struct Point)", capsule.Signature!.FunctionSignature);
        Assert.Equal(
            "IMirror expects capsule \"geometry.mirror\" to lay out struct Point as \"struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }\", but the capsule's is \"struct Point (8 bytes, align 4) { int X at 0; int Y at 4; }\".",
            error.Message);
        Assert.Equal("struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }", error.ExpectedSignature);
        Assert.Equal("struct Point (8 bytes, align 4) { int X at 0; int Y at 4; }", error.ActualSignature);
    }

    [Fact]
    public void Structs_laid_out_alike_bind_across_namespaces_and_carry_their_values()
    {
        LoadedModule exporter = LoadedModule.Compile(
            """
            namespace Screen;
            public struct Point { public int X; public int Y; }
            public static unsafe partial class Geometry
            {
                [CapsuleGen.ExportCapsule("geometry.sum")]
                public static int Sum(Point* points, int count) { int sum = 0; for (int i = 0; i < count; i++) sum += points[i].X * points[i].Y; return sum; }
            }
            """,
            "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            """
            namespace Paper;
            public struct Point { public int X; public int Y; }
            [CapsuleGen.ImportCapsule("geometry.sum")]
            public unsafe partial interface ISum { int Sum(Point* points, int count); }
            public static unsafe class Driver
            {
                public static int Run(CapsuleGen.Capsule capsule)
                {
                    Point* points = stackalloc Point[] { new Point { X = 2, Y = 3 }, new Point { X = 4, Y = 5 } };
                    return new ISum.Binding(capsule).Sum(points, 2);
                }
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(26, importer.Call("Paper.Driver", "Run", exporter.Get("Screen.Geometry", "SumCapsule")));
    }

    [Fact]
    public void A_table_whose_struct_differs_behind_a_pointer_is_refused()
    {
        LoadedModule exporter = LoadedModule.Compile(
            """
            public struct Sample { public float Value; public int Weight; }
            [CapsuleGen.ExportCapsule("stats._C_API")]
            public static unsafe partial class Stats
            {
                [CapsuleGen.CapsuleSlot(0)] private static int Count(int n) => n;
                [CapsuleGen.CapsuleSlot(1)] private static double Mean(Sample* samples, int count) => samples[0].Value;
            }
            """,
            "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            """
            public struct Sample { public int Weight; public float Value; }
            [CapsuleGen.ImportCapsule("stats._C_API")]
            public unsafe partial interface IStats
            {
                [CapsuleGen.CapsuleSlot(1)] double Mean(Sample* samples, int count);
            }
            public static class Driver
            {
                public static void Run(CapsuleGen.Capsule capsule) => new IStats.Binding(capsule);
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", exporter.Get("Stats", "StatsCapsule")));

        Assert.Equal(
            "IStats expects capsule \"stats._C_API\" to lay out struct Sample as \"struct Sample (8 bytes, align 4) { int Weight at 0; float Value at 4; }\", but the capsule's is \"struct Sample (8 bytes, align 4) { float Value at 0; int Weight at 4; }\".",
            error.Message);
    }

    [Fact]
    public void A_capsule_that_describes_no_layout_is_trusted_by_its_C_signature()
    {
        LoadedModule importer = LoadedModule.Compile(
            """
            public struct Pair { public int A; public int B; }
            [CapsuleGen.ImportCapsule("pair.sum")]
            public partial interface IPair { int Sum(Pair pair); }
            public static unsafe class Driver
            {
                [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
                private static int Sum(Pair pair) => pair.A + pair.B;

                public static int Run() =>
                    new IPair.Binding(new CapsuleGen.Capsule((nint)(delegate* unmanaged[Cdecl]<Pair, int>)&Sum, "pair.sum", signature: CapsuleGen.CapsuleSignature.Function("int (struct Pair)")))
                        .Sum(new Pair { A = 40, B = 2 });
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(42, importer.Call("Driver", "Run"));
    }

    [Fact]
    public void An_import_whose_struct_differs_from_an_export_in_the_same_project_is_reported()
    {
        MarkedSource marked = MarkedSource.Parse("""
            namespace Screen { public struct Point { public int X, Y; } }
            namespace Paper { public struct Point { public double X, Y; } }
            public static partial class Geometry
            {
                [CapsuleGen.ExportCapsule("geometry.mirror")]
                public static Screen.Point Mirror(Screen.Point point) => point;
            }
            [CapsuleGen.ImportCapsule("geometry.mirror")]
            public partial interface [|IMirror|] { Paper.Point Mirror(Paper.Point point); }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(marked.Source).AnalyzerDiagnostics());

        Assert.Equal("CAPS0016", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "'IMirror' does not match capsule \"geometry.mirror\" as 'Geometry.Mirror' exports it: it passes struct Point as \"struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }\" but the export's is \"struct Point (8 bytes, align 4) { int X at 0; int Y at 4; }\"",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_import_whose_struct_differs_from_a_referenced_export_is_reported()
    {
        MetadataReference stats = MetadataReference.CreateFromImage(GeneratorRun.Of(TestCompilation.Create(["""
            public struct Sample { public float Value; public int Weight; }
            [CapsuleGen.ExportCapsule("stats._C_API")]
            public static unsafe partial class Stats
            {
                [CapsuleGen.CapsuleSlot(0)] private static double Mean(Sample* samples, int count) => samples[0].Value;
            }
            """], "Stats")).EmitCleanly());
        MarkedSource marked = MarkedSource.Parse("""
            public struct Sample { public float Value; public long Weight; }
            [CapsuleGen.ImportCapsule("stats._C_API")]
            public unsafe partial interface [|IStats|] { [CapsuleGen.CapsuleSlot(0)] double Mean(Sample* samples, int count); }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Analyze(TestCompilation.Create([marked.Source], extraReferences: [stats])));

        Assert.Equal("CAPS0016", diagnostic.Id);
        Assert.Equal(
            "'IStats' does not match capsule \"stats._C_API\" as assembly 'Stats' exports it: it passes struct Sample as \"struct Sample (16 bytes, align 8) { float Value at 0; int64_t Weight at 8; }\" but the export's is \"struct Sample (8 bytes, align 4) { float Value at 0; int Weight at 4; }\"",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_hand_written_manifest_with_null_entries_is_skipped_without_an_analyzer_exception()
    {
        MetadataReference odd = MetadataReference.CreateFromImage(GeneratorRun.Of(TestCompilation.Create(["""
            [assembly: CapsuleGen.Interop.ExportedCapsule("quacker", null!)]
            [assembly: CapsuleGen.Interop.ExportedCapsule(null, "void (void)", StructLayouts = null)]
            [assembly: CapsuleGen.Interop.ExportedCapsuleTable("spam._C_API", null!)]
            [assembly: CapsuleGen.Interop.ExportedCapsuleTable("empty._C_API", new string?[0])]
            [assembly: CapsuleGen.Interop.ExportedCapsuleTable("nulls._C_API", new string?[] { null, null }, StructLayouts = new string[] { null!, "struct" })]
            """], "Odd")).EmitCleanly());
        string imports = """
            [CapsuleGen.ImportCapsule("quacker")] public partial interface IQuacker { void Quack(); }
            [CapsuleGen.ImportCapsule(null)] public partial interface INull { int Get(int x); }
            [CapsuleGen.ImportCapsule("spam._C_API")] public partial interface ISpam { [CapsuleGen.CapsuleSlot(0)] int Add(int a, int b); }
            [CapsuleGen.ImportCapsule("empty._C_API")] public partial interface IEmpty { [CapsuleGen.CapsuleSlot(0)] int Add(int a, int b); }
            [CapsuleGen.ImportCapsule("nulls._C_API")] public partial interface INulls { [CapsuleGen.CapsuleSlot(5)] int Add(int a, int b); }
            """;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);

        System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics = await GeneratorRun.Of(TestCompilation.Create([imports], extraReferences: [odd])).Output
            .WithAnalyzers([new CapsuleGen.Generator.Diagnostics.CapsuleAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(exceptions);

        // The one entry that describes something (a NULL-named "void (void)") is checked; the others are skipped.
        Assert.Equal(["CAPS0016", "CAPS0016"], diagnostics.Select(diagnostic => diagnostic.Id));
    }

    private static int AlignmentOf(Type type) =>
        (int)Marshal.OffsetOf(typeof(AlignmentProbe<>).MakeGenericType(type), nameof(AlignmentProbe<int>.Value));

    /// <summary>The name a C field declaration declares: <c>Next</c> of <c>struct Record *Next</c>, <c>B</c> of <c>double B[3]</c>, <c>F</c> of <c>double (*F)(double)</c>.</summary>
    private static string FieldName(string declaration)
    {
        Match functionPointer = Regex.Match(declaration, @"\(\*+(?<name>\w+)\)");
        return functionPointer.Success ? functionPointer.Groups["name"].Value : Regex.Match(declaration, @"(?<name>\w+)(\[\d+\])?$").Groups["name"].Value;
    }

    [GeneratedRegex(@"^struct (?<name>\S+) \((?<size>\d+) bytes?, align (?<align>\d+)\) \{ (?<fields>.*)\}$")]
    private static partial Regex LayoutPattern();

    [GeneratedRegex(@"(?<declaration>[^;]+?) at (?<offset>\d+); ")]
    private static partial Regex FieldPattern();

    [StructLayout(LayoutKind.Sequential)]
    private struct AlignmentProbe<T>
        where T : unmanaged
    {
#pragma warning disable CS0649 // only its layout is read
        public byte Padding;
        public T Value;
#pragma warning restore CS0649
    }
}
