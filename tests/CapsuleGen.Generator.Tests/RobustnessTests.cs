using System.Collections.Concurrent;
using System.Collections.Immutable;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// The generator and the analyzer never throw, and the generated code never fails, whatever half-typed
/// code they meet: every source the tests use (the differential test's random cases and the unusual
/// legal declarations among them) is cut, stripped of tokens and given duplicated lines thousands of
/// times (Python modules among them), and no run may report a generator exception (CS8785), an analyzer exception (AD0001) or
/// anything in a generated file, where the user's #pragma cannot reach; the compiler reports the
/// user's mistakes in the user's file.
/// </summary>
[Collection(nameof(RobustnessTests))]
public sealed class RobustnessTests
{
    private const int MutationsPerSource = 40;
    private const int Seed = 20261121;
    private const int RandomCases = 24;

    // The runs are split into shards, each a test of its own: one test that stays silent for a minute
    // or more is taken for a crashed test process by the VSTest adapter, and a slower CI machine gets there
    // (with 8 shards, one took 60 s here once the generator also wrote types and stubs; with 16, the first
    // took 61 s in a full CI run once it also wrote C headers and C struct tables). The shards also run by
    // themselves, after the other tests (RobustnessCollection): the first one warms Roslyn up, which on two
    // cores shared with every other test class took most of a minute even with 32 shards.
    private const int Shards = 32;

    public static TheoryData<int> ShardIndexes => new(Enumerable.Range(0, Shards));

    [Theory]
    [MemberData(nameof(ShardIndexes))]
    public void Thousands_of_mutated_sources_never_make_the_generator_or_the_analyzer_throw_nor_break_generated_code(int shard)
    {
        string[] sources = SnapshotSources.All
            .Concat(BoundaryTypeCase.Cases.SelectMany(typeCase => new[] { typeCase.ExportSource, typeCase.ImportSource }))
            .Concat(DiagnosticTests.MisuseSources)
            .Concat(LegalScenario.All.SelectMany(scenario => new[] { scenario.Exporter, scenario.Importer }))
            .Concat(Enumerable.Range(0, RandomCases).SelectMany(index => RandomCaseSources(index)))
            .Concat(PythonModuleSources.All.Select(module => module.Source))
            .Concat(PythonModuleDiagnosticTests.MisuseSources)
            .Concat(SnapshotSources.StructTables)
            .Concat(StructTableDiagnosticTests.MisuseSources)
            .Distinct()
            .ToArray();
        var mutations = new List<string>();
        for (int i = 0; i < sources.Length; i++)
        {
            var random = new Random(Seed + i);
            for (int j = 0; j < MutationsPerSource; j++)
            {
                mutations.Add(Mutate(sources[i], random));
            }
        }

        Assert.True(mutations.Count >= 2000, $"Only {mutations.Count} mutations.");
        string[] mine = mutations.Where((_, index) => index % Shards == shard).ToArray();
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(mine, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, source =>
        {
            foreach (string failure in Run(source))
            {
                failures.Add(failure + Environment.NewLine + "--- source ---" + Environment.NewLine + source);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of the {mine.Length} runs of shard {shard} (of {mutations.Count} in all) failed; the first:{Environment.NewLine}{failures.FirstOrDefault()}");
    }

    public static TheoryData<string> HalfTypedDeclarations => new()
    {
        // A parameter without a name, or without a type and a name.
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int",
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int a, ) => a; }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(int",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { [CapsuleGen.CapsuleSlot(0)] int A(int a); [CapsuleGen.CapsuleSlot(1)] int (int b); }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { [CapsuleGen.CapsuleSlot(0)] int A(int a); [CapsuleGen.CapsuleSlot(1)] nint { get; } }",
        "[CapsuleGen.ExportCapsule(\"x\")] public static partial class T { [CapsuleGen.CapsuleSlot(0)] static int A(int a) => a; [CapsuleGen.CapsuleSlot(1)] static int (int b) => b; }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(int",

        // A type that does not exist (yet).
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(Missing a) => 0; }",
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static unsafe Missing* Q(delegate* unmanaged[Cdecl]<Missing, int> a) => null; }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { Missing M(int a); }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I : IMissing { int M(int a); }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { [CapsuleGen.CapsuleSlot(0)] Missing Data { get; } }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(Missing a) => 0; }",
        "public struct P { public Missing M; public int N; } public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(P p) => 0; }",
        "public struct P { public Missing M; } public static unsafe partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(P* p) => 0; }",

        // The user's own errors, which the generated code would repeat.
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int a, int a) => a; }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(int a, int a); }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(int a, int a) => a; }",
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int a) => a; } public static partial class D { public static int Q(int a) => a; }",
        "public static partial class D { public static int Q(int a) => a; } public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int a) => a; }",
        "[CapsuleGen.ExportCapsule(\"x\")] public static partial class T { [CapsuleGen.CapsuleSlot(0)] static int A(int a) => a; } public static partial class T { static int A(int a) => a; }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { [CapsuleGen.CapsuleSlot(0)] int A(int a); [CapsuleGen.CapsuleSlot(1)] int A(int b); }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(int a) => a; static int F(int b) => b; }",
        "namespace Pond. { public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(int a) => a; } }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(int a = 1, int b); }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(void value); }",
        "[CapsuleGen.ImportCapsule(\"x\", Layout = CapsuleGen.CapsuleLayout.CStruct)] public partial interface I { void Data { get; } int M(int a); }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonClass] public sealed class C { [CapsuleGen.Python.PythonProperty(\"p\")] public void P { get; } } }",
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(void value) => 0; }",
        "[CapsuleGen.ExportCapsule(\"x\", Layout = CapsuleGen.CapsuleLayout.CStruct)] public static partial class T { [CapsuleGen.CapsuleField] static int A(void a) => 0; }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(void value) => 1; }",
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { [CapsuleGen.CapsuleSlot(0)] nint Data { } }",
        "internal struct Hidden { public int X; } [CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(Hidden h); }",
        "[System.Obsolete(\"gone\", true)] public struct Gone { public int X; } public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] public static int Q(Gone g) => 0; }",
        "[System.Obsolete(\"gone\", true)] public struct Gone { public int X; } [CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(Gone g); }",
        "public partial class Base { [CapsuleGen.ExportCapsule(\"a\")] public static void Quack(Missing m) { } } public partial class Derived : Base { [CapsuleGen.ExportCapsule(\"b\")] public static new void Quack() { } }",

        // An attribute repeated on two partial declarations (CS0579), which would generate everything twice.
        "[CapsuleGen.ImportCapsule(\"x\")] public partial interface I { int M(int a); } [CapsuleGen.ImportCapsule(\"x\")] public partial interface I { }",
        "[CapsuleGen.ExportCapsule(\"x\")] public static partial class T { [CapsuleGen.CapsuleSlot(0)] static int A(int a) => a; } [CapsuleGen.ExportCapsule(\"x\")] public static partial class T { }",
        "public static partial class D { [CapsuleGen.ExportCapsule(\"x\")] static partial void Q(); [CapsuleGen.ExportCapsule(\"x\")] static partial void Q() { } }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F() => 1; } [CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { }",

        // A default that is no constant of the parameter's type.
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(double x = double.) => 1; }",
        "[CapsuleGen.Python.PythonModule(\"UserCode\")] public static partial class M { [CapsuleGen.Python.PythonFunction] static int F(int x = \"one\") => 1; }",
    };

    [Theory]
    [MemberData(nameof(HalfTypedDeclarations))]
    public void Half_typed_and_broken_declarations_generate_nothing_that_fails_and_only_the_compiler_reports_them(string source)
    {
        GeneratorRun run = PythonModuleCompilation.Run("#pragma warning disable CAPS0047\n" + source, "UserCode");

        Assert.Empty(run.ProblemsInGeneratedFiles());
        Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
        Assert.Contains(run.Input.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The two modules of one of the differential test's random cases.</summary>
    private static string[] RandomCaseSources(int index)
    {
        var renderer = new Differential.CSharpRenderer([Differential.CaseGenerator.Generate(index, Differential.CaseGenerator.CaseSeed(Seed, index))]);
        return [renderer.Exporter(), renderer.Importer()];
    }

    private static IEnumerable<string> Run(string source)
    {
        CSharpCompilation compilation = PythonModuleCompilation.Create(source, "UserCode");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new CapsuleGenerator(), new Generator.PythonModules.PythonModuleGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();
        foreach (Diagnostic diagnostic in output.GetDiagnostics().Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Hidden && diagnostic.Location.SourceTree is { } tree && !compilation.SyntaxTrees.Contains(tree)))
        {
            yield return "In a generated file: " + GeneratorRun.Describe(diagnostic);
        }

        foreach (GeneratorRunResult run in result.Results.Where(run => run.Exception is not null))
        {
            yield return $"The generator threw: {run.Exception}";
        }

        foreach (Diagnostic diagnostic in result.Diagnostics.Where(diagnostic => diagnostic.Id == "CS8785"))
        {
            yield return GeneratorRun.Describe(diagnostic);
        }

        var analyzerExceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => analyzerExceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers([new CapsuleAnalyzer(), new GeneratedInteropAnalyzer(), new PythonModules.PythonModuleAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (Exception exception in analyzerExceptions)
        {
            yield return $"The analyzer threw: {exception}";
        }

        foreach (Diagnostic diagnostic in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
        {
            yield return GeneratorRun.Describe(diagnostic);
        }
    }

    /// <summary>One to three random edits: cut the text short, delete a token, or duplicate a line.</summary>
    private static string Mutate(string source, Random random)
    {
        string text = source;
        int edits = random.Next(1, 4);
        for (int edit = 0; edit < edits && text.Length > 0; edit++)
        {
            text = random.Next(3) switch
            {
                0 => text[..random.Next(text.Length)],
                1 => DeleteToken(text, random),
                _ => DuplicateLine(text, random),
            };
        }

        return text;
    }

    private static string DeleteToken(string text, Random random)
    {
        SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(token => token.Span.Length > 0).ToArray();
        if (tokens.Length == 0)
        {
            return text;
        }

        SyntaxToken token = tokens[random.Next(tokens.Length)];
        return text.Remove(token.SpanStart, token.Span.Length);
    }

    private static string DuplicateLine(string text, Random random)
    {
        List<string> lines = text.Split('\n').ToList();
        int line = random.Next(lines.Count);
        lines.Insert(line, lines[line]);
        return string.Join('\n', lines);
    }
}

/// <summary>The robustness shards, run apart from the other test classes: they use every core themselves.</summary>
[CollectionDefinition(nameof(RobustnessTests), DisableParallelization = true)]
public sealed class RobustnessCollection;
