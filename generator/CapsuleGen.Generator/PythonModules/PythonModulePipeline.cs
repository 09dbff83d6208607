using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CapsuleGen.Generator.Diagnostics;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// The part of the pipeline that turns <c>[PythonModule]</c> classes into extension modules: the
/// class becomes an equatable <see cref="PythonModule"/> in the first step, and each valid one a
/// generated file. <see cref="PythonModuleAnalyzer"/> reports why an invalid one generates nothing.
/// </summary>
internal static class PythonModulePipeline
{
    public const string Modules = "PythonModules";
    public const string ValidModules = "ValidPythonModules";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<bool> unsafeAllowed)
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

        context.RegisterSourceOutput(modules.Combine(unsafeAllowed), static (output, module) =>
        {
            if (module.Right)
            {
                output.AddSource(PythonModuleEmitter.HintName(module.Left), PythonModuleEmitter.Emit(module.Left));
            }
        });
    }
}
