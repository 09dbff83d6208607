using System.Collections.Immutable;
using CapsuleGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.CodeFixes.Tests.Infrastructure;

/// <summary>Checks that fixed code is what the generator accepts: no CAPS diagnostic, and with the generated code added, no compiler error.</summary>
internal static class FixedCode
{
    public static async Task AssertGeneratesCleanlyAsync(params string[] sources)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Project project = TestDocument.CreateProject(sources);

        ImmutableArray<Diagnostic> capsuleDiagnostics = await CapsuleDiagnostics.OfProjectAsync(project, cancellationToken);
        Assert.Empty(capsuleDiagnostics.Select(Describe));

        Compilation compilation = (await project.GetCompilationAsync(cancellationToken))!;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new CapsuleGenerator(), new Generator.PythonModules.PythonModuleGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, cancellationToken);
        Assert.Empty(generatorDiagnostics.Select(Describe));
        // Something was generated: the fix made the declaration one the generator takes.
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        Assert.Empty(output.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(Describe));
    }

    /// <summary>Checks that fixed code has no compiler error, for a fix that leaves some diagnostics to the author.</summary>
    public static async Task AssertCompilesAsync(string source)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Compilation compilation = (await TestDocument.Create(source).Project.GetCompilationAsync(cancellationToken))!;
        Assert.Empty(compilation.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(Describe));
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
