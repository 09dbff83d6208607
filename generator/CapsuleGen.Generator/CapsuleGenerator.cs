using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.NativeHeaders;
using CapsuleGen.Generator.Parsing;
using CapsuleGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator;

/// <summary>
/// Generates capsule exports (trampolines and capsule properties, for single functions and for
/// tables) and imports (bindings) from
/// <c>[ExportCapsule]</c> and <c>[ImportCapsule]</c>. Symbols become equatable models in the
/// first step; everything after it is plain data, so unrelated edits leave the output cached.
/// Invalid declarations produce no output here: <see cref="CapsuleAnalyzer"/> reports why. Python
/// modules have a generator of their own (<see cref="PythonModules.PythonModuleGenerator"/>), which reads
/// the same export models.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CapsuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ExportedFunction> exportedFunctions = CapsuleModels.ExportedFunctions(context);
        IncrementalValuesProvider<ExportedTable> exportedTables = CapsuleModels.ExportedTables(context);

        IncrementalValuesProvider<ExportingType> exportingTypes = exportedFunctions
            .Collect()
            .SelectMany(static (functions, _) => GroupByType(functions))
            .WithTrackingName(TrackingNames.ExportingTypes);

        IncrementalValuesProvider<ImportedInterface> importedInterfaces = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ImportCapsuleAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (context, _) => ImportParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ImportedInterfaces)
            .Where(static import => import is not null)
            .Select(static (import, _) => import!)
            .WithTrackingName(TrackingNames.ValidImportedInterfaces);

        IncrementalValueProvider<bool> clsCompliant = CompilationConditions.ClsCompliant(context);
        IncrementalValueProvider<bool> canGenerate = CompilationConditions.CanGenerate(context);

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
        IncrementalValuesProvider<GeneratedSource> files = exportFiles.Collect()
            .Combine(tableFiles.Collect())
            .Combine(bindingFiles.Collect())
            .SelectMany(static (all, _) => HintNames.Assign(all.Left.Left.AddRange(all.Left.Right).AddRange(all.Right)))
            .WithTrackingName(TrackingNames.GeneratedFiles);

        // The C header and Cython declarations of the exports (one whose C name is taken is left out, and the analyzer can say so).
        IncrementalValuesProvider<ModuleClass> moduleClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PythonModuleAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, _) => ModuleClasses.Read(context.TargetSymbol, context.Attributes[0]))
            .Where(static module => module is not null)
            .Select(static (module, _) => module!)
            .WithTrackingName(TrackingNames.ModuleClasses);
        IncrementalValueProvider<NativeHeader?> nativeHeader = exportedFunctions.Collect()
            .Combine(exportedTables.Collect())
            .Combine(moduleClasses.Collect())
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty))
            .Select(static (all, _) => NativeHeaderBuilder.Build(all.Right, all.Left.Left.Left, all.Left.Left.Right, all.Left.Right).Header is { IsEmpty: false } header ? header : null)
            .WithTrackingName(TrackingNames.NativeHeader);

        context.RegisterSourceOutput(nativeHeader.Combine(clsCompliant).Combine(canGenerate), static (output, header) =>
        {
            if (header.Right && header.Left.Left is { } written)
            {
                output.AddSource(NativeHeaderEmitter.HintName, NativeHeaderEmitter.Emit(written, header.Left.Right));
            }
        });
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
