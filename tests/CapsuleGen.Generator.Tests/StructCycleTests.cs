using System.Diagnostics;
using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Structs that reach themselves again through a function pointer field (a node whose callback takes
/// the node, two structs whose callbacks take each other) have a well-defined layout, since a function
/// pointer is pointer-sized whatever its signature. They cross by value, each described once in the
/// capsule's signature (the struct a callback passes is named, not described again), and the generator
/// neither recurses without end (it used to, killing the compiler with a stack overflow) nor reads a
/// struct twice (a struct holding two fields of the next, thirty deep, was read 2^30 times).
/// </summary>
public sealed class StructCycleTests
{
    /// <summary>Structs that reach themselves, and a function of each kind that passes them, exported and imported.</summary>
    public static TheoryData<string, string> Cycles => new()
    {
        {
            "a callback that takes its own struct",
            """
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node, int> F; public int V; }
            """
        },
        {
            "a callback that returns its own struct",
            """
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<int, Node> Make; public long V; }
            """
        },
        {
            "callbacks that take each other's struct",
            """
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Other, int> F; public int V; }
            public unsafe struct Other { public delegate* unmanaged[Cdecl]<Node, Node> G; public double W; }
            """
        },
        {
            "a callback that takes a pointer to its struct",
            """
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node*, Node**, void> F; public Node* Next; }
            """
        },
        {
            "a struct holding a struct whose callback takes the outer one",
            """
            public unsafe struct Node { public long Id; public Inner Inner; }
            public unsafe struct Inner { public delegate* unmanaged[Cdecl]<Node, Inner, int> F; }
            """
        },
        {
            "a struct that holds, by value, a struct whose callback takes it",
            """
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Holder, int> F; public int V; }
            public unsafe struct Holder { public Node Node; public delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<Node, Holder>, Node> G; }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void A_struct_that_reaches_itself_through_a_function_pointer_crosses_by_value(string description, string structs)
    {
        string source = structs + """

            public static unsafe partial class Exports
            {
                [CapsuleGen.ExportCapsule("cycle.take")]
                public static int Take(Node node, Node* pointer, delegate* unmanaged[Cdecl]<Node, Node> callback) => 0;
            }

            [CapsuleGen.ImportCapsule("cycle.take")]
            public unsafe partial interface ITake
            {
                int Take(Node node, Node* pointer, delegate* unmanaged[Cdecl]<Node, Node> callback);
            }
            """;

        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Empty(run.ProblemsInGeneratedFiles());
        Assert.True(run.AnalyzerDiagnostics().IsEmpty, description + ": " + string.Join(Environment.NewLine, run.AnalyzerDiagnostics().Select(GeneratorRun.Describe)));
        run.EmitCleanly();

        // Each struct is described once, and the description names the structs it reaches.
        string manifest = run.GeneratedSources.Single(generated => generated.HintName == "CapsuleGen.Manifest.g.cs").SourceText.ToString();
        Assert.Equal(1, manifest.Split("\"struct Node (").Length - 1);
        Assert.Equal(manifest, GeneratorRun.Of(source).GeneratedSources.Single(generated => generated.HintName == "CapsuleGen.Manifest.g.cs").SourceText.ToString());
    }

    [Fact]
    public void A_struct_whose_callback_takes_it_is_described_by_name_inside_its_own_description()
    {
        GeneratorRun run = GeneratorRun.Of("""
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node, int> F; public int V; }
            public unsafe struct Other { public delegate* unmanaged[Cdecl]<Node, Other> G; public Node N; }

            public static partial class Exports
            {
                [CapsuleGen.ExportCapsule("cycle.take")]
                public static int Take(Other other) => 0;
            }
            """);

        string generated = run.GeneratedSources.Single(source => source.HintName == "Exports.Exports.g.cs").SourceText.ToString();

        Assert.Contains("""
                    "int (struct Other)",
                    "struct Node (16 bytes, align 8) { int (*F)(struct Node) at 0; int V at 8; }",
                    "struct Other (24 bytes, align 8) { struct Other (*G)(struct Node) at 0; struct Node N at 8; }");
            """, generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_passes_itself_to_its_own_callback_through_a_capsule_by_both_paths()
    {
        LoadedModule exporter = LoadedModule.Compile("""
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;

            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node, int> F; public int V; }

            public static unsafe partial class Exports
            {
                [CapsuleGen.ExportCapsule("cycle.apply")]
                public static int Apply(Node node) => node.F(node) + node.V;

                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                public static int Times10(Node node) => node.V * 10;

                public static nint Times10Pointer() => (nint)(delegate* unmanaged[Cdecl]<Node, int>)&Times10;
            }
            """, "CycleExporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile("""
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node, int> F; public int V; }

            [CapsuleGen.ImportCapsule("cycle.apply")]
            public partial interface IApply
            {
                int Apply(Node node);
            }

            public static unsafe class Driver
            {
                public static int Run(CapsuleGen.Capsule capsule, nint callback) =>
                    new IApply.Binding(capsule).Apply(new Node { F = (delegate* unmanaged[Cdecl]<Node, int>)callback, V = 4 });
            }
            """, "CycleImporter_" + Guid.NewGuid().ToString("N"));

        var capsule = (Capsule)exporter.Get("Exports", "ApplyCapsule")!;
        object? callback = exporter.Call("Exports", "Times10Pointer");

        Assert.Equal(["struct Node (16 bytes, align 8) { int (*F)(struct Node) at 0; int V at 8; }"], capsule.Signature!.StructLayouts);
        Assert.Equal(44, importer.Call("Driver", "Run", capsule, callback));

        // The trampoline alone, as C code would hand it out: the native path.
        using var nativeOnly = new Capsule(capsule.GetPointer(capsule.Name), capsule.Name, signature: capsule.Signature);
        Assert.Equal(44, importer.Call("Driver", "Run", nativeOnly, callback));
    }

    [Fact]
    public void A_problem_reached_through_a_cycle_is_reported_once_at_the_parameter_with_the_path_to_it()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Other, int> F; public int V; }
            public unsafe struct Other { public delegate* unmanaged[Cdecl]<Node, int> G; public bool Flag; }

            public static partial class Exports
            {
                [CapsuleGen.ExportCapsule("cycle.take")]
                public static int Take([|Node|] node) => 0;
            }
            """);

        Diagnostic diagnostic = Assert.Single(GeneratorRun.Of(marked.Source).AnalyzerDiagnostics());

        Assert.Equal("CAPS0004", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "The parameter 'node' of 'Exports.Take' has type 'Node', which cannot cross a native boundary: its field 'Node.F' has type 'delegate* unmanaged[Cdecl]<Other, int>': 'delegate* unmanaged[Cdecl]<Other, int>' cannot cross: its field 'Other.Flag' is a 'bool', which the runtime refuses in a struct passed by value; use 'byte' (0 or 1)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_Python_module_exports_such_a_struct_as_a_capsule_attribute_and_refuses_it_as_a_function_parameter()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public unsafe struct Node { public delegate* unmanaged[Cdecl]<Node, int> F; public int V; }

            [CapsuleGen.Python.PythonModule("Cycles")]
            public static partial class Cycles
            {
                [CapsuleGen.ExportCapsule("Cycles.apply")]
                private static int Apply(Node node) => node.V;

                [CapsuleGen.Python.PythonFunction]
                public static int apply([|Node|] node) => node.V;

                [CapsuleGen.Python.PythonFunction]
                public static CapsuleGen.Capsule get() => ApplyCapsule;
            }
            """);
        GeneratorRun run = PythonModuleCompilation.Run(marked.Source, "Cycles");

        Assert.Empty(run.ProblemsInGeneratedFiles());
        Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());
        Assert.Equal("CAPS0044", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);

        string valid = marked.Source.Replace("[CapsuleGen.Python.PythonFunction]\n    public static int apply(Node node) => node.V;", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(marked.Source, valid);
        GeneratorRun validRun = PythonModuleCompilation.Run(valid, "Cycles");
        Assert.Empty(validRun.PythonAnalyzerDiagnostics());
        validRun.EmitCleanly();
        Assert.Contains(validRun.Output.SyntaxTrees, tree => tree.ToString().Contains("new(\"apply\", global::Cycles.ApplyCapsule)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_of_callbacks_too_deep_to_read_is_an_error_not_a_crash()
    {
        const int Length = 200;
        var source = new System.Text.StringBuilder();
        for (int i = 0; i < Length; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"public unsafe struct S{i} {{ public delegate* unmanaged[Cdecl]<S{(i + 1) % Length}, int> F; }}\n");
        }

        source.Append("public static partial class Exports { [CapsuleGen.ExportCapsule(\"deep\")] public static void Take(S0 s) { } }");
        GeneratorRun run = GeneratorRun.Of(source.ToString());

        Assert.Empty(run.ProblemsInGeneratedFiles());
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());
        Assert.Equal("CAPS0004", diagnostic.Id);
        Assert.Contains("'S33' is reached through more than 32 structs, each a field of the one before or passed by a function pointer field of it; CapsuleGen reads no deeper", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Structs_whose_callbacks_pass_the_next_one_twice_thirty_deep_are_read_once_each()
    {
        const int Depth = 30;
        var source = new System.Text.StringBuilder();
        for (int i = 0; i < Depth; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"public unsafe struct S{i} {{ public delegate* unmanaged[Cdecl]<S{i + 1}, S{i + 1}, S0> F; public delegate* unmanaged[Cdecl]<S{i + 1}, int> G; }}\n");
        }

        source.Append(CultureInfo.InvariantCulture, $"public struct S{Depth} {{ public long X; }}\n");
        source.Append("public static partial class Exports { [CapsuleGen.ExportCapsule(\"wide\")] public static void Take(S0 s) { } }");

        var clock = Stopwatch.StartNew();
        GeneratorRun run = GeneratorRun.Of(source.ToString());

        Assert.Empty(run.ProblemsInGeneratedFiles());
        Assert.Empty(run.AnalyzerDiagnostics());
        run.EmitCleanly();
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }
}
