using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Every analyzer CapsuleGen ships reports only the IDs it declares and never throws, over every bad
/// input the tests know, at the newest and at an unsupported language version and without unsafe
/// code. An analyzer that reports an ID it does not declare throws inside Roslyn, which shows the
/// user nothing but AD0001, and the declaration it was about silently generates nothing.
/// </summary>
public sealed class AnalyzerContractTests
{
    /// <summary>Every <see cref="DiagnosticAnalyzer"/> in the generator's assembly, found by reflection so that a new one is checked too.</summary>
    private static DiagnosticAnalyzer[] Analyzers() =>
        typeof(CapsuleGenerator).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToArray();

    public static TheoryData<string> Variants => new() { "latest", "C# 9", "no unsafe code" };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_analyzer_reports_only_the_IDs_it_declares_and_never_throws(string variant)
    {
        DiagnosticAnalyzer[] analyzers = Analyzers();
        Assert.Subset(analyzers.Select(analyzer => analyzer.GetType().Name).ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { "CapsuleAnalyzer", "GeneratedInteropAnalyzer", "PythonModuleAnalyzer" });

        string[] sources = DiagnosticTests.MisuseSources
            .Concat(PythonModuleDiagnosticTests.MisuseSources)
            .Concat(RobustnessTests.HalfTypedDeclarations.Select(row => (string)((Xunit.ITheoryDataRow)row).GetData()[0]!))
            .Concat(PythonModuleSources.All.Select(module => module.Source))
            .Concat(SnapshotSources.All)
            .Concat(BadModules)
            .Distinct()
            .ToArray();

        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(sources, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, source =>
        {
            CSharpCompilation compilation = variant switch
            {
                "C# 9" => PythonModuleCompilation.Create(source, version: LanguageVersion.CSharp9),
                "no unsafe code" => PythonModuleCompilation.Create(source, allowUnsafe: false),
                _ => PythonModuleCompilation.Create(source),
            };
            Compilation output = GeneratorRun.Of(compilation).Output;
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                foreach (string failure in Check(output, analyzer))
                {
                    failures.Add($"{analyzer.GetType().Name}: {failure}{Environment.NewLine}--- source ---{Environment.NewLine}{source}");
                }
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} failures; the first:{Environment.NewLine}{failures.FirstOrDefault()}");
    }

    /// <summary>Module declarations each analyzer meets in its own way: in a file-local or generic class, with exports and imports beside.</summary>
    private static readonly string[] BadModules =
    [
        "[CapsuleGen.Python.PythonModule(\"CppDuck\")] file static partial class M { [CapsuleGen.ExportCapsule(\"CppDuck.q\")] static void Q() { } [CapsuleGen.Python.PythonFunction] static void f() { } }",
        "[CapsuleGen.Python.PythonModule(\"CppDuck\")] static partial class M<T> { [CapsuleGen.Python.PythonFunction] static void f() { } }",
        "file static partial class Outer { [CapsuleGen.Python.PythonModule(\"CppDuck\")] static partial class M { [CapsuleGen.Python.PythonFunction] static void f() { } } }",
        "[CapsuleGen.Python.PythonModule(\"CppDuck\")] static class M { [CapsuleGen.ExportCapsule(\"spam\")] static partial class T { [CapsuleGen.CapsuleSlot(0)] static void A() { } } }",
        "[CapsuleGen.Python.PythonModule(\"CppDuck\")] [CapsuleGen.ExportCapsule(\"CppDuck._C_API\")] file static partial class M { [CapsuleGen.CapsuleSlot(0)] static void A() { } }",
        "[CapsuleGen.Python.PythonModule(\"CppDuck\")] static partial class M { [CapsuleGen.Python.PythonFunction] static void f() { [CapsuleGen.Python.PythonFunction] static void g() { } g(); } }",
    ];

    private static IEnumerable<string> Check(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers([analyzer], options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        HashSet<string> declared = analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);

        foreach (Exception exception in exceptions)
        {
            yield return "threw " + exception;
        }

        foreach (Diagnostic diagnostic in diagnostics.Where(diagnostic => !declared.Contains(diagnostic.Id)))
        {
            yield return "reported an ID it does not declare: " + GeneratorRun.Describe(diagnostic);
        }
    }
}
