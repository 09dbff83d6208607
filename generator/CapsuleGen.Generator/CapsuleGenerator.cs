using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using CapsuleGen.Generator.PythonModules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator;

/// <summary>
/// Generates capsule exports (trampolines and capsule properties, for single functions and for
/// tables) and imports (bindings) from
/// <c>[ExportCapsule]</c> and <c>[ImportCapsule]</c>. Symbols become equatable models in the
/// first step; everything after it is plain data, so unrelated edits leave the output cached.
/// Invalid declarations produce no output here: <see cref="CapsuleAnalyzer"/> reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CapsuleGenerator : IIncrementalGenerator
{
    /// <summary>The oldest C# the generated code compiles with (file-scoped namespaces).</summary>
    internal const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp10;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ExportedFunction> exportedFunctions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ExportCapsuleAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, _) => ExportParser.Parse((IMethodSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ExportedFunctions)
            .Where(static function => function is not null)
            .Select(static (function, _) => function!)
            .WithTrackingName(TrackingNames.ValidExportedFunctions);

        IncrementalValuesProvider<ExportingType> exportingTypes = exportedFunctions
            .Collect()
            .SelectMany(static (functions, _) => GroupByType(functions))
            .WithTrackingName(TrackingNames.ExportingTypes);

        IncrementalValuesProvider<ExportedTable> exportedTables = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ExportCapsuleAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (context, _) => TableExportParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ExportedTables)
            .Where(static table => table is not null)
            .Select(static (table, _) => table!)
            .WithTrackingName(TrackingNames.ValidExportedTables);

        IncrementalValuesProvider<ImportedInterface> importedInterfaces = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ImportCapsuleAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (context, _) => ImportParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ImportedInterfaces)
            .Where(static import => import is not null)
            .Select(static (import, _) => import!)
            .WithTrackingName(TrackingNames.ValidImportedInterfaces);

        // A CLS-compliant assembly would draw CLS warnings inside generated files (native types, the
        // manifest's arrays), where no #pragma of the user's reaches; generated files then suppress them.
        IncrementalValueProvider<bool> clsCompliant = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFacts.IsClsCompliant(compilation.Assembly))
            .WithTrackingName(TrackingNames.ClsCompliant);

        IncrementalValueProvider<EquatableArray<ManifestEntry>> manifest = exportedFunctions
            .Collect()
            .Combine(exportedTables.Collect())
            .Select(static (exports, _) => exports.Left.Select(ManifestEntry.For).Concat(exports.Right.Select(ManifestEntry.For)).ToEquatableArray())
            .WithTrackingName(TrackingNames.Manifest);

        // Emitted text is plain data too; hint names are assigned over all files at once, because
        // Roslyn needs them unique ignoring case, and 'Api' and 'API' may both be types.
        IncrementalValuesProvider<GeneratedSource> exportFiles = exportingTypes
            .Combine(clsCompliant)
            .Select(static (type, _) => new GeneratedSource(type.Left.Location.FullName, ExportEmitter.Kind, ExportEmitter.Emit(type.Left, type.Right)))
            .WithTrackingName(TrackingNames.ExportFiles);
        IncrementalValuesProvider<GeneratedSource> tableFiles = exportedTables
            .Combine(clsCompliant)
            .Select(static (table, _) => new GeneratedSource(table.Left.Location.FullName, TableExportEmitter.Kind, TableExportEmitter.Emit(table.Left, table.Right)))
            .WithTrackingName(TrackingNames.TableFiles);
        IncrementalValuesProvider<GeneratedSource> bindingFiles = importedInterfaces
            .Combine(clsCompliant)
            .Select(static (import, _) => new GeneratedSource(import.Left.Location.FullName, ImportEmitter.Kind, ImportEmitter.Emit(import.Left, import.Right)))
            .WithTrackingName(TrackingNames.BindingFiles);
        IncrementalValuesProvider<GeneratedSource> moduleFiles = PythonModulePipeline.Register(context, clsCompliant);
        IncrementalValuesProvider<GeneratedSource> files = exportFiles.Collect()
            .Combine(tableFiles.Collect())
            .Combine(bindingFiles.Collect())
            .Combine(moduleFiles.Collect())
            .SelectMany(static (all, _) => HintNames.Assign(all.Left.Left.Left.AddRange(all.Left.Left.Right).AddRange(all.Left.Right).AddRange(all.Right)))
            .WithTrackingName(TrackingNames.GeneratedFiles);

        // Generated code needs unsafe code, C# 10 and a reachable System namespace; without them the
        // analyzer reports CAPS0017, CAPS0022 or CAPS0026 in the user's files and nothing is
        // generated, so no error lands in a generated file.
        IncrementalValueProvider<bool> unsafeAllowed = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.UnsafeAllowed);
        IncrementalValueProvider<bool> languageSupported = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions parse && parse.LanguageVersion >= MinimumLanguageVersion)
            .WithTrackingName(TrackingNames.LanguageSupported);
        IncrementalValueProvider<bool> systemReachable = context.CompilationProvider
            .Select(static (compilation, _) => !CompilationFacts.TypesHidingSystem(compilation).Any())
            .WithTrackingName(TrackingNames.SystemReachable);
        IncrementalValueProvider<bool> canGenerate = unsafeAllowed
            .Combine(languageSupported)
            .Combine(systemReachable)
            .Select(static (all, _) => all.Left.Left && all.Left.Right && all.Right);

        context.RegisterSourceOutput(files.Combine(canGenerate), static (output, file) =>
        {
            if (file.Right)
            {
                output.AddSource(file.Left.HintName, file.Left.Text);
            }
        });
        context.RegisterSourceOutput(manifest.Combine(clsCompliant).Combine(canGenerate), static (output, manifest) =>
        {
            if (manifest.Right && manifest.Left.Left.Count > 0)
            {
                output.AddSource(ManifestEmitter.HintName, ManifestEmitter.Emit(manifest.Left.Left, manifest.Left.Right));
            }
        });
    }

    /// <summary>One generated file per type: every export of a type goes into the same partial declaration.</summary>
    private static IEnumerable<ExportingType> GroupByType(ImmutableArray<ExportedFunction> functions) =>
        functions
            .GroupBy(function => function.Location)
            .Select(group => new ExportingType(group.Key, group.ToEquatableArray()));
}
