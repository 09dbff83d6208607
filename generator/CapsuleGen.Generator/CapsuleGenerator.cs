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

        IncrementalValueProvider<EquatableArray<ManifestEntry>> manifest = exportedFunctions
            .Collect()
            .Combine(exportedTables.Collect())
            .Select(static (exports, _) => exports.Left.Select(ManifestEntry.For).Concat(exports.Right.Select(ManifestEntry.For)).ToEquatableArray())
            .WithTrackingName(TrackingNames.Manifest);

        // Generated code needs unsafe code; without it the analyzer reports CAPS0017 and nothing is generated.
        IncrementalValueProvider<bool> unsafeAllowed = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.UnsafeAllowed);

        context.RegisterSourceOutput(exportingTypes.Combine(unsafeAllowed), static (output, export) =>
        {
            if (export.Right)
            {
                output.AddSource(ExportEmitter.HintName(export.Left), ExportEmitter.Emit(export.Left));
            }
        });
        context.RegisterSourceOutput(exportedTables.Combine(unsafeAllowed), static (output, table) =>
        {
            if (table.Right)
            {
                output.AddSource(TableExportEmitter.HintName(table.Left), TableExportEmitter.Emit(table.Left));
            }
        });
        context.RegisterSourceOutput(importedInterfaces.Combine(unsafeAllowed), static (output, import) =>
        {
            if (import.Right)
            {
                output.AddSource(ImportEmitter.HintName(import.Left), ImportEmitter.Emit(import.Left));
            }
        });
        context.RegisterSourceOutput(manifest.Combine(unsafeAllowed), static (output, manifest) =>
        {
            if (manifest.Right && manifest.Left.Count > 0)
            {
                output.AddSource(ManifestEmitter.HintName, ManifestEmitter.Emit(manifest.Left));
            }
        });

        PythonModulePipeline.Register(context, unsafeAllowed);
    }

    /// <summary>One generated file per type: every export of a type goes into the same partial declaration.</summary>
    private static IEnumerable<ExportingType> GroupByType(ImmutableArray<ExportedFunction> functions) =>
        functions
            .GroupBy(function => function.Location)
            .Select(group => new ExportingType(group.Key, group.ToEquatableArray()));
}
