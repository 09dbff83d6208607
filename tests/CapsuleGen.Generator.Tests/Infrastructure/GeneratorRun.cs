using System.Collections.Immutable;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.PythonModules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>The generator run over a compilation: what it produced, and the compilation with its output added.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, CSharpCompilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public CSharpCompilation Input { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>What both generators added.</summary>
    public IEnumerable<GeneratedSourceResult> GeneratedSources => Result.Results.SelectMany(result => result.GeneratedSources);

    /// <summary>The run of one of the generators.</summary>
    public static GeneratorRunResult Of<TGenerator>(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single(result => result.Generator.GetGeneratorType() == typeof(TGenerator));

    public static GeneratorRun Of(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new CapsuleGenerator().AsSourceGenerator(), new PythonModuleGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    public static GeneratorRun Of(string source, LanguageVersion version = LanguageVersion.Latest) =>
        Of(TestCompilation.Create(source, version));

    /// <summary>Errors and warnings of the compilation with the generated code in it.</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics() =>
        Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>
    /// Every diagnostic, of any severity but hidden, located in a generated file, and every exception
    /// the generator threw: there must never be one, since no pragma of the user's can reach there.
    /// </summary>
    public IEnumerable<string> ProblemsInGeneratedFiles() =>
        Result.Results.Where(result => result.Exception is not null).Select(result => "The generator threw: " + result.Exception)
            .Concat(GeneratorDiagnostics.Select(Describe))
            .Concat(Output.GetDiagnostics()
                .Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Hidden && diagnostic.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree))
                .Select(Describe));

    /// <summary>
    /// What CapsuleGen's analyzers (<see cref="CapsuleAnalyzer"/>, <see cref="GeneratedInteropAnalyzer"/>) report
    /// on the compilation with the generated code in it, as a build or an IDE runs them.
    /// </summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics() => Analyze(Output, new CapsuleAnalyzer(), new GeneratedInteropAnalyzer());

    /// <summary>What the Python module analyzer and the capsule analyzer beside it report, on the compilation with the generated code.</summary>
    public ImmutableArray<Diagnostic> PythonAnalyzerDiagnostics() => Analyze(Output, new PythonModuleAnalyzer(), new CapsuleAnalyzer());

    /// <summary>Runs the generator over <paramref name="compilation"/>, then CapsuleGen's analyzers over the result.</summary>
    public static ImmutableArray<Diagnostic> Analyze(CSharpCompilation compilation) => Of(compilation).AnalyzerDiagnostics();

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        compilation
            .WithAnalyzers([.. analyzers])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Emits the compilation with the generated code; fails with every diagnostic if it does not compile cleanly.</summary>
    public byte[] EmitCleanly()
    {
        Assert.Empty(CompilerDiagnostics().Select(Describe));
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = Output.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Select(Describe)));
        return stream.ToArray();
    }

    public static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
