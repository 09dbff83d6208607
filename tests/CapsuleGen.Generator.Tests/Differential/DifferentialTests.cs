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

    /// <summary>
    /// One test per batch of cases: a single test that stays silent for a minute or more is taken for
    /// a crashed test process by the VSTest adapter, and all 300 cases take about that long here.
    /// </summary>
    public static TheoryData<int> Batches => new(Enumerable.Range(0, Only() is null ? (CaseCount() + BatchSize - 1) / BatchSize : 1));

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Random_exports_and_imports_agree_with_direct_calls_from_CSharp_and_from_C(int batchIndex)
    {
        ulong runSeed = Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_SEED") is { Length: > 0 } seed ? ulong.Parse(seed, CultureInfo.InvariantCulture) : DefaultRunSeed;
        FuzzCase[] batch = Only() is { } only
            ? [CaseGenerator.Generate(0, only)]
            : Enumerable.Range(batchIndex * BatchSize, Math.Min(BatchSize, CaseCount() - batchIndex * BatchSize))
                .Select(index => CaseGenerator.Generate(index, CaseGenerator.CaseSeed(runSeed, index)))
                .ToArray();

        IReadOnlyList<CaseFailure> failures = await CaseBatch.RunAsync(batch);

        // A module that does not compile fails every case in it: find the cases that fail alone.
        if (batch.Length > 1 && failures.Count >= batch.Length && failures.Select(failure => failure.Kind).Distinct().Count() == 1)
        {
            failures = [.. (await Task.WhenAll(batch.Select(fuzzCase => CaseBatch.RunAsync([fuzzCase])))).SelectMany(alone => alone)];
        }

        if (failures.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{failures.Select(failure => failure.CaseIndex).Distinct().Count()} of the {batch.Length} random cases of batch {batchIndex} failed (run seed {runSeed}).");
        foreach (int index in failures.Select(failure => failure.CaseIndex).Distinct().Take(MaxShrunkFailures))
        {
            FuzzCase fuzzCase = batch.Single(candidate => candidate.Index == index);
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

    private static int CaseCount() =>
        Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_CASES") is { Length: > 0 } cases ? int.Parse(cases, CultureInfo.InvariantCulture) : DefaultCases;

    private static ulong? Only() =>
        Environment.GetEnvironmentVariable("CAPSULEGEN_FUZZ_ONLY") is { Length: > 0 } only ? ulong.Parse(only, CultureInfo.InvariantCulture) : null;
}
