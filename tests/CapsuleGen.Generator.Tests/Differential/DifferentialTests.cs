using System.Globalization;
using System.Text;

namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Random valid export/import pairs (random namespaces and nesting, keyword and Unicode names, capsule
/// names with every awkward character, parameters and returns of every accepted kind, structs of
/// every layout rule) must compile cleanly at C# 10 and the newest C#, and calling each function
/// through its capsule, from C# and from C, must give what calling it directly gives.
/// </summary>
/// <remarks>
/// Seeded and reproducible: the run's seed is fixed unless <c>CAPSULEGEN_FUZZ_SEED</c> gives one,
/// <c>CAPSULEGEN_FUZZ_CASES</c> sets how many cases run (300 by default), and
/// <c>CAPSULEGEN_FUZZ_ONLY</c> runs the one case with that case seed. A failure names the case's
/// seed and shows the smallest source that still fails.
/// </remarks>
public sealed class DifferentialTests
{
    private const ulong DefaultRunSeed = 20260409;
    private const int DefaultCases = 300;
    private const int BatchSize = 30;
    private const int MaxShrunkFailures = 2;

    [Fact]
    public async Task Random_exports_and_imports_agree_with_direct_calls_from_CSharp_and_from_C()
    {
        ulong runSeed = Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_SEED") is { Length: > 0 } seed ? ulong.Parse(seed, CultureInfo.InvariantCulture) : DefaultRunSeed;
        int count = Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_CASES") is { Length: > 0 } cases ? int.Parse(cases, CultureInfo.InvariantCulture) : DefaultCases;
        List<FuzzCase> all = Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_ONLY") is { Length: > 0 } only
            ? [CaseGenerator.Generate(0, ulong.Parse(only, CultureInfo.InvariantCulture))]
            : Enumerable.Range(0, count).Select(index => CaseGenerator.Generate(index, CaseGenerator.CaseSeed(runSeed, index))).ToList();

        var failures = new List<CaseFailure>();
        foreach (FuzzCase[] batch in all.Chunk(BatchSize))
        {
            IReadOnlyList<CaseFailure> found = await CaseBatch.RunAsync(batch);

            // A module that does not compile fails every case in it: find the cases that fail alone.
            if (batch.Length > 1 && found.Count >= batch.Length && found.Select(failure => failure.Kind).Distinct().Count() == 1)
            {
                found = [.. (await Task.WhenAll(batch.Select(fuzzCase => CaseBatch.RunAsync([fuzzCase])))).SelectMany(alone => alone)];
            }

            failures.AddRange(found);
        }

        if (failures.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{failures.Select(failure => failure.CaseIndex).Distinct().Count()} of {all.Count} random cases failed (run seed {runSeed}).");
        foreach (int index in failures.Select(failure => failure.CaseIndex).Distinct().Take(MaxShrunkFailures))
        {
            FuzzCase fuzzCase = all.Single(candidate => candidate.Index == index);
            CaseFailure? alone = (await CaseBatch.RunAsync([fuzzCase])).FirstOrDefault();
            if (alone is null)
            {
                report.AppendLine().Append($"Case {index} (case seed {fuzzCase.Seed}) failed only among others: {failures.First(failure => failure.CaseIndex == index).Kind}.");
                continue;
            }

            var shrinker = new CaseShrinker(async candidate => (await CaseBatch.RunAsync([candidate])).FirstOrDefault());
            (FuzzCase smallest, CaseFailure failure) = await shrinker.ShrinkAsync(fuzzCase, alone);
            (string exporter, string importer, string c) = CaseBatch.Sources([smallest]);
            report.AppendLine().AppendLine()
                .AppendLine($"Case {index}, case seed {fuzzCase.Seed} (CAPSULEGEN_FUZZ_ONLY={fuzzCase.Seed} runs it alone): {failure.Kind}")
                .AppendLine(failure.Detail)
                .AppendLine("--- smallest exporting module ---").AppendLine(exporter)
                .AppendLine("--- smallest importing module ---").AppendLine(importer)
                .AppendLine("--- its C caller ---").AppendLine(c);
        }

        Assert.Fail(report.ToString());
    }
}
