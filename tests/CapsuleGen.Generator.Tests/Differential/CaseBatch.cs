using System.Globalization;
using System.Text.RegularExpressions;
using CapsuleGen.Generator.Tests.Infrastructure;
using CapsuleGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>Why one case failed: what went wrong, and the details that show it.</summary>
internal sealed record CaseFailure(int CaseIndex, string Kind, string Detail);

/// <summary>
/// Runs a batch of random cases end to end: both modules through the generator at the newest C# and
/// at C# 10 (nothing may be reported anywhere, generated files included), the C callers through
/// the system compiler, then every call in a child process (directly, through a binding, from C)
/// and every struct layout against C's. Returns what failed, by case.
/// </summary>
internal static partial class CaseBatch
{
    public static async Task<IReadOnlyList<CaseFailure>> RunAsync(IReadOnlyList<FuzzCase> cases)
    {
        using var directory = new TemporaryDirectory("capsulegen-differential-");
        return await RunInAsync(cases, directory.Path);
    }

    /// <summary>The sources a batch is made of, for reports.</summary>
    public static (string Exporter, string Importer, string C) Sources(IReadOnlyList<FuzzCase> cases)
    {
        var renderer = new CSharpRenderer(cases);
        return (renderer.Exporter(), renderer.Importer(), CRenderer.Render(cases));
    }

    private static async Task<IReadOnlyList<CaseFailure>> RunInAsync(IReadOnlyList<FuzzCase> cases, string directory)
    {
        var renderer = new CSharpRenderer(cases);
        string batch = Guid.NewGuid().ToString("N");
        var failures = new List<CaseFailure>();
        foreach ((string name, string source) in new[] { ("exporter", renderer.Exporter()), ("importer", renderer.Importer()) })
        {
            GeneratorRun run = GeneratorRun.Of(TestCompilation.Create([source], $"Fuzz{name}_{batch}", LanguageVersion.Latest));
            if (Problems(run) is { } problems)
            {
                return [.. cases.Select(fuzzCase => new CaseFailure(fuzzCase.Index, $"the {name} module at the newest C# reports {Ids(problems)}", problems))];
            }

            using var image = new MemoryStream();
            if (!run.Output.Emit(image).Success)
            {
                return [.. cases.Select(fuzzCase => new CaseFailure(fuzzCase.Index, $"the {name} module did not emit", string.Empty))];
            }

            await File.WriteAllBytesAsync(Path.Combine(directory, name + ".dll"), image.ToArray());
        }

        var older = new CSharpRenderer(cases.Where(fuzzCase => !fuzzCase.NeedsLatest).ToList());
        foreach ((string name, string source) in new[] { ("exporter", older.Exporter()), ("importer", older.Importer()) })
        {
            if (Problems(GeneratorRun.Of(TestCompilation.Create([source], $"Fuzz{name}10_{batch}", LanguageVersion.CSharp10))) is { } problems)
            {
                return [.. cases.Where(fuzzCase => !fuzzCase.NeedsLatest).Select(fuzzCase => new CaseFailure(fuzzCase.Index, $"the {name} module at C# 10 reports {Ids(problems)}", problems))];
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "cases.c"), CRenderer.Render(cases));
        await File.WriteAllLinesAsync(Path.Combine(directory, "functions.txt"), renderer.Functions.Select(entry => $"c{entry.Case.Index}_f{entry.Function.Slot}"));
        if (await CompileCAsync(directory) is { } cError)
        {
            return [.. cases.Select(fuzzCase => new CaseFailure(fuzzCase.Index, "the C callers did not compile", cError))];
        }

        (int exitCode, string output, string error) = await SampleProcess.RunAsync("DifferentialRunner", directory);
        var finished = new HashSet<int>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split('\t');
            if (fields[0] == "fn")
            {
                int index = int.Parse(fields[1], CultureInfo.InvariantCulture);
                finished.Add(index);
                failures.AddRange(CheckCalls(renderer.Functions[index], fields));
            }
            else if (fields[0] == "layout")
            {
                FuzzCase fuzzCase = cases.Single(candidate => "c" + candidate.Index.ToString(CultureInfo.InvariantCulture) == fields[1]);
                failures.AddRange(CheckLayouts(fuzzCase, fields[2], fields[3]));
            }
        }

        if (exitCode != 0 || finished.Count < renderer.Functions.Count)
        {
            int crashed = Enumerable.Range(0, renderer.Functions.Count).First(index => !finished.Contains(index));
            failures.Add(new CaseFailure(renderer.Functions[crashed].Case.Index, "the process died calling it", $"exit code {exitCode}: {error}"));
        }

        return failures;
    }

    /// <summary>The distinct diagnostic IDs of a problem list, which tell one kind of compile failure from another.</summary>
    private static string Ids(string problems) =>
        string.Join(", ", problems.Split(Environment.NewLine).Select(line => line.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Everything reported on a module that must compile cleanly: in generated files, by CapsuleGen's analyzer, by the compiler.</summary>
    private static string? Problems(GeneratorRun run)
    {
        string[] problems = run.ProblemsInGeneratedFiles()
            .Concat(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe))
            .Concat(run.CompilerDiagnostics().Select(GeneratorRun.Describe))
            .Distinct()
            .ToArray();
        return problems.Length == 0 ? null : string.Join(Environment.NewLine, problems.Take(20));
    }

    private static IEnumerable<CaseFailure> CheckCalls((FuzzCase Case, FuzzFunction Function) entry, string[] fields)
    {
        (string direct, string binding, string native, string expected, string seenByBinding, string seenFromC) = (fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]);
        string function = FuzzNamesForReport(entry);
        if (direct.StartsWith("EXCEPTION", StringComparison.Ordinal) || expected.StartsWith("EXCEPTION", StringComparison.Ordinal))
        {
            yield return new CaseFailure(entry.Case.Index, "a direct call failed", $"{function}: {direct} / {expected}");
        }

        if (binding != direct)
        {
            yield return new CaseFailure(entry.Case.Index, "a call through the binding returned another value", $"{function}: direct {direct}, binding {binding}");
        }

        if (native != direct)
        {
            yield return new CaseFailure(entry.Case.Index, "a call from C returned another value", $"{function}: direct {direct}, from C {native}");
        }

        if (seenByBinding != expected)
        {
            yield return new CaseFailure(entry.Case.Index, "the export received other arguments through the binding", $"{function}: sent {expected}, received {seenByBinding}");
        }

        if (seenFromC != expected)
        {
            yield return new CaseFailure(entry.Case.Index, "the export received other arguments from C", $"{function}: sent {expected}, received {seenFromC}");
        }
    }

    private static string FuzzNamesForReport((FuzzCase Case, FuzzFunction Function) entry) => $"function '{entry.Function.Name}' (slot {entry.Function.Slot})";

    /// <summary>The capsule must describe every struct its signatures reach, exactly as C lays out the struct's twin.</summary>
    private static IEnumerable<CaseFailure> CheckLayouts(FuzzCase fuzzCase, string capsuleLayouts, string cLayouts)
    {
        var described = capsuleLayouts.Split('\u001f', StringSplitOptions.RemoveEmptyEntries)
            .Select(layout => LayoutPattern().Match(layout))
            .ToDictionary(
                match => match.Groups["name"].Value,
                match => $"{match.Groups["size"].Value} {match.Groups["align"].Value}{string.Concat(OffsetPattern().Matches(match.Groups["fields"].Value).Select(offset => " " + offset.Groups["offset"].Value))}",
                StringComparer.Ordinal);
        var compiled = cLayouts.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(' ', 2))
            .ToDictionary(parts => fuzzCase.Structs[int.Parse(parts[0], CultureInfo.InvariantCulture)].Name, parts => parts[1], StringComparer.Ordinal);
        foreach (FuzzStruct structure in Reachable(fuzzCase))
        {
            if (!described.TryGetValue(structure.Name, out string? capsule))
            {
                yield return new CaseFailure(fuzzCase.Index, "the capsule does not describe a struct its signature reaches", $"struct {structure.Name}; it describes: {capsuleLayouts}");
            }
            else if (capsule != compiled[structure.Name])
            {
                yield return new CaseFailure(fuzzCase.Index, "a struct's layout differs from C's", $"struct {structure.Name}: capsule (size align offsets) {capsule}, C {compiled[structure.Name]}; the capsule describes {capsuleLayouts.Replace("\u001f", " | ", StringComparison.Ordinal)}");
            }
        }
    }

    /// <summary>The structs the case's signatures reach: by value, behind pointers, as fields.</summary>
    public static IReadOnlyList<FuzzStruct> Reachable(FuzzCase fuzzCase)
    {
        var found = new List<FuzzStruct>();
        void Visit(FuzzType type)
        {
            switch (type)
            {
                case PointerType { Pointee: { } pointee }:
                    Visit(pointee);
                    break;
                case StructType { Struct: var structure } when !found.Any(known => ReferenceEquals(known, structure)):
                    found.Add(structure);
                    foreach (FuzzField field in structure.Fields)
                    {
                        Visit(field.Type);
                    }

                    break;
            }
        }

        foreach (FuzzFunction function in fuzzCase.Functions)
        {
            Visit(function.Return);
            foreach (FuzzParameter parameter in function.Parameters)
            {
                Visit(parameter.Type);
            }
        }

        return found;
    }

    private static async Task<string?> CompileCAsync(string directory)
    {
        ChildProcessResult compile = await new ChildProcess("cc", "-std=gnu11", "-O1", "-w", "-shared", "-fPIC", "-o", "libcases.so", "cases.c") { WorkingDirectory = directory }.RunAsync();
        return compile.ThrowIfTimedOut().ExitCode == 0 ? null : compile.Error;
    }

    [GeneratedRegex(@"^struct (?<name>\S+) \((?<size>\d+) bytes?, align (?<align>\d+)\) \{ (?<fields>.*)\}$")]
    private static partial Regex LayoutPattern();

    [GeneratedRegex(@" at (?<offset>\d+); ")]
    private static partial Regex OffsetPattern();
}
