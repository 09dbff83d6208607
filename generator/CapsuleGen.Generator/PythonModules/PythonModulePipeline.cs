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

    /// <param name="context">The generator's context.</param>
    /// <param name="clsCompliant">Whether the assembly is CLS-compliant, whose warnings generated files suppress.</param>
    public static IncrementalValuesProvider<GeneratedSource> Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<bool> clsCompliant)
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
            .Combine(clsCompliant)
            .Select(static (module, _) => new GeneratedSource(module.Left.Location.FullName, PythonModuleEmitter.Kind, PythonModuleEmitter.Emit(module.Left, module.Right)))
            .WithTrackingName(Files);
    }
}
