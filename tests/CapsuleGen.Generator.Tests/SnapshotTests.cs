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
    public void ExportSettingPythonError() => VerifyAndCompile(SnapshotSources.ExportSettingPythonError, withPython: true);

    [Fact]
    public void TableExportSettingPythonError() => VerifyAndCompile(SnapshotSources.TableExportSettingPythonError, withPython: true);

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

    /// <param name="source">The user's code.</param>
    /// <param name="withPython">Whether the project references CapsuleGen.Python too.</param>
    /// <param name="testName">The snapshot's name.</param>
    private static void VerifyAndCompile(string source, bool withPython = false, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun Run(LanguageVersion version) =>
            withPython ? GeneratorRun.Of(PythonModuleCompilation.Create(source, "UserCode", version)) : GeneratorRun.Of(source, version);

        GeneratorRun run = Run(LanguageVersion.Latest);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.AnalyzerDiagnostics());
        Snapshot.Verify(run.Result, testName: testName);

        // The same output compiles without a warning at the oldest supported and the newest language version.
        run.EmitCleanly();
        Run(LanguageVersion.CSharp10).EmitCleanly();
    }
}
