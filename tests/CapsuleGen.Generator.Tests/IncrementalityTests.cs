using System.Collections;
using System.Reflection;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>The pipeline turns symbols into plain data at once, so edits elsewhere never redo its work.</summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = "public class Unrelated { public int Value; }";

    /// <summary>A Python module among the exports, so that the steps reading modules (for the C header's import functions) run too.</summary>
    private const string Module = """
        [CapsuleGen.Python.PythonModule("Pond")]
        public static partial class PondModule
        {
            [CapsuleGen.ExportCapsule("Pond.quack")]
            private static void Quack() { }
        }
        """;

    private static readonly string[] s_trackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToArray();

    [Fact]
    public void An_edit_in_an_unrelated_file_leaves_every_step_cached()
    {
        (GeneratorRunResult first, GeneratorRunResult second) = RunTwice(compilation =>
            Replace(compilation, Unrelated, "public class Unrelated { public long Value; public void Touch() { } }"));

        Assert.NotEmpty(first.GeneratedSources);
        foreach (string name in s_trackingNames)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"The step {name} did not run.");
            IncrementalStepRunReason[] reasons = second.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Renaming_an_exported_capsule_regenerates_only_its_own_type()
    {
        (_, GeneratorRunResult second) = RunTwice(compilation =>
            Replace(compilation, SnapshotSources.VoidExport, SnapshotSources.VoidExport.Replace("\"quacker\"", "\"quacker2\"")));

        IncrementalStepRunReason[] exportingTypes = second.TrackedSteps[TrackingNames.ExportingTypes].SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, exportingTypes);
        Assert.Contains(IncrementalStepRunReason.Unchanged, exportingTypes);
        Assert.All(second.TrackedSteps[TrackingNames.ImportedInterfaces].SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("\"quacker2\"", second.GeneratedSources.Single(source => source.HintName.Contains("CppDuck", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_constant_of_a_struct_table_regenerates_only_that_table()
    {
        (_, GeneratorRunResult second) = RunTwice(compilation =>
            Replace(compilation, SnapshotSources.StructTableExport, SnapshotSources.StructTableExport.Replace("Version = 2", "Version = 3")));

        IncrementalStepRunReason[] tables = second.TrackedSteps[TrackingNames.ExportedTables].SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, tables);
        Assert.Contains(IncrementalStepRunReason.Unchanged, tables);
        Assert.All(second.TrackedSteps[TrackingNames.ImportedInterfaces].SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        (GeneratorRunResult first, _) = RunTwice(compilation => compilation);

        foreach (string name in s_trackingNames)
        {
            foreach (object? value in first.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Value))
            {
                AssertHoldsNoCompilerObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = TestCompilation.Create(SnapshotSources.All.Concat(SnapshotSources.StructTables).Append(Unrelated).Append(Module), extraReferences: [PythonModuleCompilation.Reference]);
        GeneratorDriver driver = GeneratorRun.Of(compilation).Driver;
        GeneratorRunResult first = GeneratorRun.Of<CapsuleGenerator>(driver);
        driver = driver.RunGenerators(edit(compilation));
        return (first, GeneratorRun.Of<CapsuleGenerator>(driver));
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldSource, string newSource)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(tree => tree.ToString() == oldSource);
        return compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newSource)));
    }

    internal static void AssertHoldsNoCompilerObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"The step {step} holds a {value.GetType().Name}, which keeps a compilation alive and defeats caching.");

        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, step, seen);
            }
        }

        for (Type? type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoCompilerObjects(field.GetValue(value), step, seen);
            }
        }
    }
}
