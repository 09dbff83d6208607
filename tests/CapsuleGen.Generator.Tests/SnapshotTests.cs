using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>Generated files, compared with reviewed snapshots; each must also compile without a warning.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void VoidExport() => VerifyAndCompile(SnapshotSources.VoidExport);

    [Fact]
    public void EveryTypeExport() => VerifyAndCompile(SnapshotSources.EveryTypeExport);

    [Fact]
    public void DefaultNamedExport() => VerifyAndCompile(SnapshotSources.DefaultNamedExport);

    [Fact]
    public void NestedExportWithFailFast() => VerifyAndCompile(SnapshotSources.NestedExportWithFailFast);

    [Fact]
    public void ImportWithDefaultBody() => VerifyAndCompile(SnapshotSources.ImportWithDefaultBody);

    [Fact]
    public void ImportWithoutDefaultBody() => VerifyAndCompile(SnapshotSources.ImportWithoutDefaultBody);

    [Fact]
    public void ImportWithParametersAndReturn() => VerifyAndCompile(SnapshotSources.ImportWithParametersAndReturn);

    [Fact]
    public void TableExport() => VerifyAndCompile(SnapshotSources.TableExport);

    [Fact]
    public void DenseTableImport() => VerifyAndCompile(SnapshotSources.DenseTableImport);

    [Fact]
    public void SparseTableImportWithDataSlots() => VerifyAndCompile(SnapshotSources.SparseTableImportWithDataSlots);

    [Fact]
    public void StructTableExport() => VerifyAndCompile(SnapshotSources.StructTableExport);

    [Fact]
    public void StructTableImport() => VerifyAndCompile(SnapshotSources.StructTableImport);

    [Fact]
    public void ImportWithStructLayouts() => VerifyAndCompile(SnapshotSources.ImportWithStructLayouts);

    [Fact]
    public void ObsoleteExport() => VerifyAndCompile(SnapshotSources.ObsoleteExport);

    private static void VerifyAndCompile(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorRun.Of(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerDiagnostics());
        Snapshot.Verify(run.Result, testName: testName);

        // The same output compiles without a warning at the oldest supported and the newest language version.
        run.EmitCleanly();
        GeneratorRun.Of(source, LanguageVersion.CSharp10).EmitCleanly();
    }
}
