using System.Collections.Concurrent;
using System.Collections.Immutable;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// The generator and the analyzer never throw, whatever half-typed code they meet: every source
/// the tests use (the differential test's random cases and the unusual legal declarations among
/// them) is cut, stripped of tokens and given duplicated lines thousands of times, and no run may
/// report a generator exception (CS8785) or an analyzer exception (AD0001).
/// </summary>
public sealed class RobustnessTests
{
    private const int MutationsPerSource = 40;
    private const int Seed = 20261121;
    private const int RandomCases = 24;

    [Fact]
    public void Thousands_of_mutated_sources_never_make_the_generator_or_the_analyzer_throw()
    {
        string[] sources = SnapshotSources.All
            .Concat(BoundaryTypeCase.Cases.SelectMany(typeCase => new[] { typeCase.ExportSource, typeCase.ImportSource }))
            .Concat(DiagnosticTests.MisuseSources)
            .Concat(LegalScenario.All.SelectMany(scenario => new[] { scenario.Exporter, scenario.Importer }))
            .Concat(Enumerable.Range(0, RandomCases).SelectMany(index => RandomCaseSources(index)))
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
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, source =>
        {
            foreach (string failure in Run(source))
            {
                failures.Add(failure + Environment.NewLine + "--- source ---" + Environment.NewLine + source);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {mutations.Count} runs failed; the first:{Environment.NewLine}{failures.FirstOrDefault()}");
    }

    /// <summary>The two modules of one of the differential test's random cases.</summary>
    private static string[] RandomCaseSources(int index)
    {
        var renderer = new Differential.CSharpRenderer([Differential.CaseGenerator.Generate(index, Differential.CaseGenerator.CaseSeed(Seed, index))]);
        return [renderer.Exporter(), renderer.Importer()];
    }

    private static IEnumerable<string> Run(string source)
    {
        CSharpCompilation compilation = TestCompilation.Create([source]);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new CapsuleGenerator()).RunGenerators(compilation);
        GeneratorDriverRunResult result = driver.GetRunResult();
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
            .WithAnalyzers([new CapsuleAnalyzer(), new GeneratedInteropAnalyzer()], options)
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
