using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Legal but unusual C#, as a new user writes it, never breaks the generator or its output: each
/// scenario compiles at C# 10 and at the newest C# with nothing reported in a generated file, and
/// an exporting module and an importing module that does not reference it agree on every value.
/// </summary>
public sealed class LegalDeclarationTests
{
    public static TheoryData<LegalScenario> Scenarios => new(LegalScenario.All);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_scenario_compiles_cleanly_at_every_supported_language_version(LegalScenario scenario)
    {
        foreach (LanguageVersion version in new[] { LanguageVersion.CSharp10, LanguageVersion.Latest }.Where(version => version >= scenario.MinimumVersion))
        {
            foreach (string source in new[] { scenario.Exporter, scenario.Importer })
            {
                GeneratorRun run = GeneratorRun.Of(source, version);
                Assert.Empty(run.ProblemsInGeneratedFiles());
                Assert.Empty(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe));
                run.EmitCleanly();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Values_cross_between_the_modules(LegalScenario scenario)
    {
        LoadedModule exporter = LoadedModule.Compile(scenario.Exporter, "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(scenario.Importer, "Importer_" + Guid.NewGuid().ToString("N"));
        Capsule[] capsules = scenario.Capsules.Select(capsule => (Capsule)exporter.Get(capsule.Type, capsule.Property)!).ToArray();

        Assert.Equal(scenario.Expected, importer.Call("Driver", "Run", [capsules]));
    }

    [Fact]
    public void Capsule_names_with_every_kind_of_character_arrive_unchanged()
    {
        LoadedModule exporter = LoadedModule.Compile(LegalScenario.AwkwardNames.Exporter, "Exporter_" + Guid.NewGuid().ToString("N"));

        for (int i = 0; i < LegalScenario.AwkwardCapsuleNames.Length; i++)
        {
            Assert.Equal(LegalScenario.AwkwardCapsuleNames[i], ((Capsule)exporter.Get("Names", "N" + i + "Capsule")!).Name);
        }
    }

    [Fact]
    public void Below_CSharp_10_the_user_is_told_in_their_own_file_and_nothing_is_generated()
    {
        MarkedSource marked = MarkedSource.Parse("""
            public static partial class Duck
            {
                [|[CapsuleGen.ExportCapsule("quacker")]|]
                public static void Quack() { }
            }
            """.Replace("[|[", "[[|").Replace("]|]", "|]]"));
        GeneratorRun run = GeneratorRun.Of(marked.Source, LanguageVersion.CSharp9);

        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        Assert.Equal("CAPS0022", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal("The code generated for 'Quack' needs C# 10 or later, but the project compiles as C# 9.0; set <LangVersion>10</LangVersion> or later in the project file", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilerDiagnostics());
    }

    [Fact]
    public void Types_that_differ_only_in_case_get_distinct_hint_names()
    {
        GeneratorRun run = GeneratorRun.Of(LegalScenario.CaseTwins.Exporter);

        string[] hintNames = run.GeneratedSources.Select(source => source.HintName).ToArray();

        Assert.Equal(hintNames.Length, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(hintNames, name => name.StartsWith("Api.Duck.Exports.", StringComparison.Ordinal));
        Assert.Contains(hintNames, name => name.StartsWith("API.Duck.Exports.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_binding_keeps_default_values_so_a_call_may_leave_arguments_out()
    {
        GeneratorRun run = GeneratorRun.Of(LegalScenario.DefaultValues.Importer);

        string binding = run.GeneratedSources.Single(source => source.HintName.Contains("Binding", StringComparison.Ordinal)).SourceText.ToString();

        Assert.Contains("public double Combine(double x = 1.5, int y = -2, global::Shape shape = (global::Shape)(2), bool flag = true, char letter = 'é', global::System.IntPtr count = 7, float missing = float.NaN, [global::System.Runtime.CompilerServices.CallerLineNumber] int line = 0)", binding, StringComparison.Ordinal);
    }
}
