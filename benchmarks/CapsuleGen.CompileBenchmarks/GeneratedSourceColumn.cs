using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CapsuleGen.CompileBenchmarks;

/// <summary>Adds the "Generated" column: the source CapsuleGen generates for the synthetic project, in KiB and files.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GeneratedSourceColumnAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new GeneratedSourceColumn());
}

/// <summary>Measured in the host process, by running the generator once on each benchmark's project.</summary>
public sealed class GeneratedSourceColumn : IColumn
{
    private readonly Lazy<string> _generated = new(() =>
    {
        (long bytes, int files) = CompiledProject.GeneratedSize(SyntheticProject.Sources(withAttributes: true));
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KiB in {files} files");
    });

    public string Id => nameof(GeneratedSourceColumn);

    public string ColumnName => "Generated";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Source the generator writes for the project (UTF-8)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(CompileBenchmarks.WithCapsuleGen) ? _generated.Value : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
