using CapsuleGen.Generator.Tests.Infrastructure;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// The C header and Cython declarations the generator writes for an assembly's exports, compiled by
/// the real compilers: C99 and C++17 with every warning an error, with and without <c>Python.h</c>
/// before it, and Cython; names made by the documented rule; clashes reported, not written.
/// </summary>
public sealed class NativeHeaderTests
{
    /// <summary>Exports at the edges of what C spells: every kind of type, structs C pads differently or cannot lay out, names C could not take as they are.</summary>
    private const string HostileExports = """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Edges;

        public struct Point { public double X; public double Y; }

        [StructLayout(LayoutKind.Sequential, Size = 24)]
        public struct Roomy { public int Tag; public double Value; }

        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        public struct Packed { public byte Tag; public long Value; }

        public unsafe struct Named { public fixed ushort Text[8]; public Point Where; public delegate* unmanaged<int, void> Callback; }

        public struct @double { public int @int; public int @class; }

        public static unsafe partial class Café
        {
            [ExportCapsule("edges.\"quoted\"\\back??=slash\nnewline é")]
            public static double Quack(double x) => x;

            [ExportCapsule("edges.pointers")]
            public static Point* Pointers(int* a, double** b, void* c, Named* d, Roomy* r, Packed* p) => null;

            [ExportCapsule("edges.values")]
            public static Point Values(Point p, Roomy r, @double d) => p;

            [ExportCapsule("edges.flags")]
            [return: MarshalAs(UnmanagedType.U1)]
            public static bool Flags([MarshalAs(UnmanagedType.U1)] bool a, [MarshalAs(UnmanagedType.Bool)] bool b, [MarshalAs(UnmanagedType.U2)] char c) => a;

            [ExportCapsule("edges.callbacks")]
            public static delegate* unmanaged<double, double> Callbacks(delegate* unmanaged<double, double> f, delegate* unmanaged<int, delegate* unmanaged<void>> g) => f;

            [ExportCapsule]
            public static int Unnamed(int a) => a;

            public static partial class Ünïcode
            {
                [ExportCapsule("edges.nested")]
                public static void @class() { }
            }
        }

        public enum Mode : short { Fast = 1, Exact = 2 }

        [ExportCapsule("edges._C_STRUCT", Layout = CapsuleLayout.CStruct)]
        public static unsafe partial class Versioned
        {
            [CapsuleField] public const string Magic = "edges \"C\" API é??=";
            [CapsuleField(StructSize = true)] public const int Size = 64;
            [CapsuleField] public const byte Version = 2;
            [CapsuleField] public const Mode DefaultMode = Mode.Exact;
            [CapsuleField] public const double Ratio = double.NaN;
            [CapsuleField] private static Point Middle(Point a, Point b) => a;
            [CapsuleField] public static readonly float Scale = 1.5f;
            [CapsuleField] private static byte* Name(int code) => null;
            [CapsuleField] public const long Smallest = long.MinValue;
            [CapsuleField] public const bool Ready = true;
        }

        [ExportCapsule("edges.object")]
        public static partial class @object { [CapsuleSlot(0)] public static int print(int x) => x; }

        [ExportCapsule("edges._C_API")]
        public static unsafe partial class Api
        {
            [CapsuleSlot(0)] public static double @double(double x) => x;
            [CapsuleSlot(2)] public static int cdef(int* values, int count) => count;
            [CapsuleSlot(3)] public static void reserved1() { }
        }
        """;

    [Theory]
    [InlineData("c", false)]
    [InlineData("c", true)]
    [InlineData("c++", false)]
    [InlineData("c++", true)]
    public async Task HeaderCompilesWithEveryWarningAnError(string language, bool withPython)
    {
        (string stem, string header, _) = NativeHeaderFiles.Single(GeneratorRun.Of(HostileExports));
        using var directory = new TemporaryDirectory("capsulegen-header-");
        File.WriteAllText(Path.Combine(directory.Path, stem + ".h"), header);

        // Functions of each declared type, assigned to it, so a type the header spells wrong fails here.
        string source = $$"""
            {{(withPython ? "#define PY_SSIZE_T_CLEAN\n#define Py_LIMITED_API 0x030A0000\n#include <Python.h>" : string.Empty)}}
            #include "{{stem}}.h"

            static double quack(double x) { return x; }
            static struct Point values(struct Point p, struct Roomy r, struct double_ d) { (void)r; (void)d; return p; }
            static bool flags(bool a, int b, uint16_t c) { (void)b; (void)c; return a; }
            static double twice(double x) { return 2 * x; }
            static double (*callbacks(double (*f)(double), void (*(*g)(int))(void)))(double) { (void)f; (void)g; return twice; }
            static int api_cdef(int *values, int count) { (void)values; return count; }

            int use_everything(void);
            int use_everything(void)
            {
                Caf_u00E9_Quack_fn a = quack;
                Caf_u00E9_Values_fn b = values;
                Caf_u00E9_Flags_fn c = flags;
                Caf_u00E9_Callbacks_fn d = callbacks;
                Api api = { quack, NULL, api_cdef, NULL };
                Versioned versioned;
                versioned.Middle = NULL;
                versioned.Version = 2;
                const char *name = Caf_u00E9_Quack_CAPSULE_NAME;
                const char *unnamed = Caf_u00E9_Unnamed_CAPSULE_NAME;
                Caf_u00E9__u00DCn_u00EFcode_class_fn e = NULL;
                struct Named named;
                named.Text[7] = 1;
                named.Callback = NULL;
                {{(withPython ? "PyObject *capsule = NULL;\n    if (capsule != NULL && Api_from_capsule(capsule) == NULL && Versioned_from_capsule(capsule) == NULL && Caf_u00E9_Quack_from_capsule(capsule) == NULL) return 1;" : string.Empty)}}
                return a != NULL && b != NULL && c != NULL && d != NULL && api.double_ != NULL && name[0] == 'e' && unnamed != NULL && e == NULL && named.Text[7] == 1 && versioned.Middle == NULL && versioned.Version == 2;
            }
            """;
        string file = Path.Combine(directory.Path, "use." + (language == "c" ? "c" : "cpp"));
        File.WriteAllText(file, source);
        string[] flags = language == "c" ? ["-std=c99", "-Wall", "-Wextra", "-Werror"] : ["-std=c++17", "-Wall", "-Wextra", "-Werror"];
        string compiler = language == "c" ? "cc" : "c++";
        string[] include = withPython ? ["-I" + await Requires.InterpreterHeadersAsync()] : [];
        ChildProcessResult compiled = (await new ChildProcess(compiler, [.. flags, .. include, "-c", file, "-o", Path.Combine(directory.Path, "use.o")]) { MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
        Assert.True(compiled.ExitCode == 0, $"{compiled.CommandLine} failed:\n{compiled.Output}\n--- {stem}.h:\n{header}");
    }

    [Fact]
    public void NamesFollowTheDocumentedRule()
    {
        (string stem, string header, string declarations) = NativeHeaderFiles.Single(GeneratorRun.Of(HostileExports));

        Assert.Equal("UserCode_capsules", stem);
        Assert.Contains("#define Caf_u00E9_Quack_CAPSULE_NAME \"edges.\\\"quoted\\\"\\\\back\\?\\?=slash\\012newline \\303\\251\"", header);
        Assert.Contains("#define Caf_u00E9_Unnamed_CAPSULE_NAME \"int (int)\"", header);
        Assert.Contains("typedef void (*Caf_u00E9__u00DCn_u00EFcode_class_fn)(void);", header);
        Assert.Contains("    double (*double_)(double);", header);
        Assert.Contains("    void *reserved11;", header); // slot 1 is empty, and a slot method is named reserved1
        Assert.Contains("    int (*cdef_)(int *, int);", header);
        Assert.Contains("typedef struct object_\n{\n    int (*print_)(int);\n} object_;", header);
        Assert.Contains("struct double_\n{\n    int int_;\n    int class_;\n};", header);
        Assert.Contains("typedef double (*(*Caf_u00E9_Callbacks_fn)(double (*)(double), void (*(*)(int))(void)))(double);", header);

        // .NET leaves 12 bytes after Roomy's members: C declares them; C packs nothing by itself, so Packed is incomplete.
        Assert.True(header.Contains("struct Roomy\n{\n    int Tag;\n    double Value;\n    unsigned char capsulegen_padding2[8];\n};"), header);
        Assert.Contains("struct Packed;", header);
        Assert.DoesNotContain("struct Packed\n{", header);
        Assert.Contains("cdef struct Packed\n", declarations);
    }

    [Fact]
    public async Task CythonDeclarationsCompile()
    {
        string cython = Requires.Program("cython3", "cython3");
        (string stem, string header, string declarations) = NativeHeaderFiles.Single(GeneratorRun.Of(HostileExports));
        using var directory = new TemporaryDirectory("capsulegen-pxd-");
        File.WriteAllText(Path.Combine(directory.Path, stem + ".h"), header);
        File.WriteAllText(Path.Combine(directory.Path, stem + ".pxd"), declarations);
        File.WriteAllText(Path.Combine(directory.Path, "use_edges.pyx"), $$"""
            # cython: language_level=3
            cimport {{stem}} as edges

            def names():
                cdef edges.Caf_u00E9_Quack_fn quack = NULL
                cdef edges.Api *api = NULL
                cdef edges.object_ *keyword = NULL
                cdef edges.Point point
                cdef edges.Named named
                cdef edges.double_ d
                point.X = 1.5
                named.Text[7] = 3
                d.int_ = 2
                return (edges.Caf_u00E9_Quack_CAPSULE_NAME, edges.Api_CAPSULE_NAME, quack == NULL, api == NULL and keyword == NULL, point.X, named.Text[7], d.int_)

            def open_versioned(capsule):
                cdef edges.Versioned *versioned = edges.Versioned_from_capsule(capsule)
                return versioned.Version, versioned.Magic

            def open_api(capsule):
                cdef edges.Api *api = edges.Api_from_capsule(capsule)
                return api.double_(2.0)
            """);
        ChildProcessResult translated = (await new ChildProcess(cython, "-3", "use_edges.pyx", "-o", "use_edges.c") { WorkingDirectory = directory.Path, MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
        Assert.True(translated.ExitCode == 0, $"{translated.CommandLine} failed:\n{translated.Output}\n--- {stem}.pxd:\n{declarations}");

        ChildProcessResult compiled = (await new ChildProcess("cc", "-Wall", "-Werror", "-Wno-unused-function", "-I" + await Requires.InterpreterHeadersAsync(), "-I.", "-c", "use_edges.c", "-o", "use_edges.o")
            { WorkingDirectory = directory.Path, MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
        Assert.True(compiled.ExitCode == 0, $"{compiled.CommandLine} failed:\n{compiled.Output}");
    }

    private static readonly BuildProperties s_headerForC = new(new Dictionary<string, string> { ["CapsuleHeaderDirectory"] = "include/" });

    [Fact]
    public void AnExportWhoseCNameIsTakenIsLeftOutOfTheHeaderAndReportedWhereCUsesIt()
    {
        const string source = """
            using CapsuleGen;

            public static partial class A { public static partial class B_C { [ExportCapsule("one")] public static void D() { } } }
            public static partial class A_B { public static partial class C { [ExportCapsule("two")] public static void D() { } } }
            [ExportCapsule("five")]
            public static partial class Api { [CapsuleSlot(0)] public static void Go() { } [CapsuleSlot(1)] public static void Go(int a) { } [CapsuleSlot(2)] public static void Go_1() { } }
            """;
        GeneratorRun run = GeneratorRun.Of(source);

        // A project that does not hand the header to C is not told.
        Assert.DoesNotContain(run.AnalyzerDiagnostics(), diagnostic => diagnostic.Id == "CAPS0067");

        Microsoft.CodeAnalysis.Diagnostic clash = Assert.Single(s_headerForC.Analyze(run), diagnostic => diagnostic.Id == "CAPS0067");
        Assert.Equal(
            "CAPS0067 at Source0.cs: (3,81)-(3,86): 'A_B.C.D' is left out of the assembly's C header: it would declare 'A_B_C_D_CAPSULE_NAME', which 'A.B_C.D' declares already; " +
            "rename one of them (an export's C name is the C# names of the types around it and its own, joined by '_')",
            GeneratorRun.Describe(clash));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, clash.Severity);

        // The header holds the first, says why the second is not there, and gives overloaded slots their slot numbers.
        (_, string header, _) = NativeHeaderFiles.Single(run);
        Assert.Contains(" * - 'A_B.C.D': 'A_B_C_D_CAPSULE_NAME' is declared for 'A.B_C.D'\n", header);
        Assert.Contains("#define A_B_C_D_CAPSULE_NAME \"one\"", header);
        Assert.DoesNotContain("\"two\"", header);
        Assert.Contains("    void (*Go_0)(void);\n    void (*Go_1)(int);\n    void (*Go_11)(void);\n", header);
        Assert.Empty(run.ProblemsInGeneratedFiles());
    }

    [Fact]
    public void TwoStructsOfOneCNameAreReported()
    {
        const string source = """
            using CapsuleGen;

            namespace First { public struct Point { public int X; } }
            namespace Second { public struct Point { public double X; } }

            public static unsafe partial class Shapes
            {
                [ExportCapsule("first")] public static void TakeFirst(First.Point* p) { }
                [ExportCapsule("second")] public static void TakeSecond(Second.Point* p) { }
            }
            """;
        GeneratorRun run = GeneratorRun.Of(source);

        Microsoft.CodeAnalysis.Diagnostic clash = Assert.Single(s_headerForC.Analyze(run), diagnostic => diagnostic.Id == "CAPS0067");
        Assert.Contains("'Shapes.TakeSecond' is left out of the assembly's C header: it would declare 'struct Point', which a different struct of that name that 'Shapes.TakeFirst' passes declares already", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(8, clash.Location.GetLineSpan().StartLinePosition.Line); // on the second export's attribute
        (_, string header, _) = NativeHeaderFiles.Single(run);
        Assert.Contains("    int X;", header);
        Assert.DoesNotContain("TakeSecond_fn", header);
    }

    [Fact]
    public void AnAssemblyWithoutExportsHasNoHeader()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using CapsuleGen;

            [ImportCapsule("quacker")]
            public partial interface IQuacker { void Quack(); }
            """);

        Assert.False(NativeHeaderFiles.Any(run));
    }

    /// <summary>
    /// NativeDuck's C includes the header CppDuck's build writes: built from the real sample's C#, it
    /// compiles; with the quack's C# signature changed, the C build fails where it calls the quack.
    /// </summary>
    [Fact]
    public async Task ChangingTheCSharpSignatureBreaksTheCBuildOfNativeDuck()
    {
        string samples = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "samples", "PythonModules"));
        string cppDuck = File.ReadAllText(Path.Combine(samples, "CppDuck", "CppDuck.cs"));
        string nativeDuck = Path.Combine(samples, "NativeDuck", "native_duck_module.c");
        const string quack = "private static void Quack() => Console.WriteLine(\"C# Quack\");";
        Assert.Contains(quack, cppDuck);

        ChildProcessResult unchanged = await CompileAgainstHeaderAsync(cppDuck, nativeDuck);
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);

        ChildProcessResult changed = await CompileAgainstHeaderAsync(cppDuck.Replace(quack, "private static void Quack(int times) { }"), nativeDuck);
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("too few arguments to function 'quack'", changed.Output.Replace('\u2018', '\'').Replace('\u2019', '\''));
    }

    private static async Task<ChildProcessResult> CompileAgainstHeaderAsync(string cSharp, string cSource)
    {
        GeneratorRun run = PythonModuleCompilation.Run(cSharp, "CppDuck");
        (string stem, string header, _) = NativeHeaderFiles.Single(run);
        using var directory = new TemporaryDirectory("capsulegen-nativeduck-");
        File.WriteAllText(Path.Combine(directory.Path, stem + ".h"), header);
        return (await new ChildProcess("cc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-DPy_LIMITED_API=0x030B0000", "-I" + await Requires.InterpreterHeadersAsync(), "-I" + directory.Path, "-c", cSource, "-o", Path.Combine(directory.Path, "native_duck_module.o"))
            { MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
