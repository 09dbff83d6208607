using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.Pipeline;

/// <summary>
/// The first steps of every pipeline that reads capsule exports: each valid <c>[ExportCapsule]</c>
/// method or table class as its equatable model. The capsule generator emits them; the module
/// generator reads which of them its module offers. Invalid ones have no model; the capsule
/// analyzer reports why.
/// </summary>
internal static class CapsuleModels
{
    public static IncrementalValuesProvider<ExportedFunction> ExportedFunctions(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ExportCapsuleAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, _) => ExportParser.Parse((IMethodSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ExportedFunctions)
            .Where(static function => function is not null)
            .Select(static (function, _) => function!)
            .WithTrackingName(TrackingNames.ValidExportedFunctions);

    public static IncrementalValuesProvider<ExportedTable> ExportedTables(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ExportCapsuleAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (context, _) => TableExportParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None))
            .WithTrackingName(TrackingNames.ExportedTables)
            .Where(static table => table is not null)
            .Select(static (table, _) => table!)
            .WithTrackingName(TrackingNames.ValidExportedTables);
}
