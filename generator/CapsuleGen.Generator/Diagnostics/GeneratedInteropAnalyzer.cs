using System.Collections.Immutable;
using System.Linq;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>
/// Keeps <c>CapsuleGen.Interop.ExportedCapsules</c> to generated code (CAPS0025). A capsule made there
/// carries a managed entry that bindings in the process call instead of its native pointer, and
/// nothing at run time can check that the two are the same function; generated exports pass both
/// ends of one export, so only they may call it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedInteropAnalyzer : DiagnosticAnalyzer
{
    private const string TypeName = "ExportedCapsules";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GeneratedInteropUsed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? exported = start.Compilation.GetTypeByMetadataName(KnownNames.ExportedCapsules);
            if (exported is not null)
            {
                start.RegisterSemanticModelAction(model => Analyze(model, exported));
            }
        });
    }

    private static void Analyze(SemanticModelAnalysisContext context, INamedTypeSymbol exported)
    {
        // Most files never name the type: a text search spares them the syntax walk.
        SyntaxTree tree = context.SemanticModel.SyntaxTree;
        if (tree.GetText(context.CancellationToken).ToString().IndexOf(TypeName, System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        foreach (SimpleNameSyntax name in tree.GetRoot(context.CancellationToken).DescendantNodes().OfType<SimpleNameSyntax>().Where(name => name.Identifier.ValueText == TypeName))
        {
            if (SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol, exported))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratedInteropUsed, name.GetLocation()));
            }
        }
    }
}
