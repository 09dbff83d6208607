using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Parsing;
using CapsuleGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Turns a <c>[PythonModule]</c> class into a CPython extension module: its <c>PyInit</c> entry point,
/// one wrapper per <c>[PythonFunction]</c>, a file per <c>[PythonClass]</c> with its type, and the type stub the
/// build writes out (as assembly metadata, <see cref="Stubs.StubEmitter"/>). The class becomes an equatable <see cref="PythonModule"/>
/// in the first step; the capsules it offers come from the capsule pipeline's export models, not from
/// parsing the exports again. <see cref="PythonModuleAnalyzer"/> reports why an invalid module generates nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PythonModuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<PythonModule> modules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PythonModuleAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, cancellationToken) => PythonModuleParser.Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], DiagnosticSink.None, cancellationToken))
            .WithTrackingName(PythonModuleSteps.Modules)
            .Where(static module => module is not null)
            .Select(static (module, _) => module!)
            .WithTrackingName(PythonModuleSteps.ValidModules);

        IncrementalValuesProvider<PythonModule> complete = modules
            .Combine(CapsuleModels.ExportedFunctions(context).Collect())
            .Combine(CapsuleModels.ExportedTables(context).Collect())
            .Select(static (all, _) => PythonModuleCapsules.Attach(all.Left.Left, PythonModuleCapsules.In(all.Left.Left, all.Left.Right, all.Right), DiagnosticSink.None))
            .Where(static module => module is not null)
            .Select(static (module, _) => module!)
            .WithTrackingName(PythonModuleSteps.WithCapsules);

        IncrementalValuesProvider<GeneratedSource> files = complete
            .Combine(CompilationConditions.ClsCompliant(context))
            .SelectMany(static (module, _) => PythonModuleEmitter.Files(module.Left, module.Right))
            .Collect()
            .SelectMany(static (all, _) => HintNames.Assign(all))
            .WithTrackingName(PythonModuleSteps.Files);

        context.RegisterSourceOutput(files.Combine(CompilationConditions.CanGenerate(context)), static (output, file) =>
        {
            if (file.Right)
            {
                output.AddSource(file.Left.HintName, file.Left.Text);
            }
        });
    }
}
