using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>MSBuild properties as analyzers see them (<c>build_property.X</c>), for a project that sets them.</summary>
internal sealed class BuildProperties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    /// <summary>What CapsuleGen's analyzers report on the run's output when the project sets these properties.</summary>
    public ImmutableArray<Diagnostic> Analyze(GeneratorRun run) =>
        run.Output
            .WithAnalyzers([new CapsuleGen.Generator.Diagnostics.CapsuleAnalyzer()], new AnalyzerOptions([], this))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
