using System.Collections.Immutable;
using CapsuleGen.Generator;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.CompileBenchmarks;

/// <summary>Compiles the synthetic project as a build does: parse, run the generator and analyzers, emit.</summary>
internal static class CompiledProject
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions s_options = new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);

    /// <summary>Compiles without CapsuleGen: the project's own cost.</summary>
    public static int Plain(IReadOnlyList<string> sources)
    {
        CSharpCompilation compilation = Create(sources);
        return Emit(compilation);
    }

    /// <summary>Compiles with the generator and CapsuleGen's analyzers, as a project that references the package does.</summary>
    public static int WithCapsuleGen(IReadOnlyList<string> sources)
    {
        CSharpCompilation compilation = Create(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CapsuleGenerator().AsSourceGenerator()], parseOptions: s_parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);
        ImmutableArray<Diagnostic> analyzerDiagnostics = generated
            .WithAnalyzers([new CapsuleAnalyzer(), new GeneratedInteropAnalyzer(), new CapsuleGen.Generator.PythonModules.PythonModuleAnalyzer()])
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Require(generatorDiagnostics.IsEmpty && analyzerDiagnostics.IsEmpty, $"the synthetic project gets diagnostics: {string.Join("; ", generatorDiagnostics.Concat(analyzerDiagnostics))}");
        return Emit((CSharpCompilation)generated);
    }

    /// <summary>The generated source, in UTF-8 bytes and files.</summary>
    public static (long Bytes, int Files) GeneratedSize(IReadOnlyList<string> sources)
    {
        ImmutableArray<GeneratedSourceResult> files = Generate(sources);
        return (files.Sum(file => (long)System.Text.Encoding.UTF8.GetByteCount(file.SourceText.ToString())), files.Length);
    }

    /// <summary>Runs the generator alone and returns what it writes, file by file.</summary>
    public static ImmutableArray<GeneratedSourceResult> Generate(IReadOnlyList<string> sources) =>
        CSharpGeneratorDriver.Create([new CapsuleGenerator().AsSourceGenerator()], parseOptions: s_parseOptions)
            .RunGenerators(Create(sources))
            .GetRunResult().Results.Single().GeneratedSources;

    private static CSharpCompilation Create(IReadOnlyList<string> sources) =>
        CSharpCompilation.Create(
            "Synthetic",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, s_parseOptions, path: $"Source{index}.cs")),
            UserCodeReferences.All,
            s_options);

    private static int Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Require(result.Success, $"the synthetic project does not compile: {string.Join("; ", result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(5))}");
        return (int)image.Length;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
