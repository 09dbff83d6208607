using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Emitting;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// The part of the pipeline that turns <c>[PythonModule]</c> classes into extension modules: the
/// class becomes an equatable <see cref="PythonModule"/> in the first step, and each valid one the
/// text of a generated file, named with the others. <see cref="PythonModuleAnalyzer"/> reports why an
/// invalid one generates nothing.
/// </summary>
internal static class PythonModulePipeline
{
    public const string Modules = "PythonModules";
    public const string ValidModules = "ValidPythonModules";

    public const string Files = "PythonModuleFiles";

    public static IncrementalValuesProvider<GeneratedSource> Register(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<PythonModule> modules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PythonNames.ModuleAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => PythonModuleParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None, cancellationToken))
            .WithTrackingName(Modules)
            .Where(static module => module is not null)
            .Select(static (module, _) => module!)
            .WithTrackingName(ValidModules);

        return modules
            .Select(static (module, _) => new GeneratedSource(module.Location.FullName, PythonModuleEmitter.Kind, PythonModuleEmitter.Emit(module)))
            .WithTrackingName(Files);
    }
}
