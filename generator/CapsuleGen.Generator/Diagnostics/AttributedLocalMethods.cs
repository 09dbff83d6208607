using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>
/// Local functions and lambdas (which C# 10 lets carry attributes) are no members a generator reaches,
/// so an attribute of ours on one would silently do nothing: each analyzer reports its own attribute
/// there through this.
/// </summary>
internal static class AttributedLocalMethods
{
    /// <summary>
    /// Calls <paramref name="report"/> for each local function or lambda that carries an attribute, with
    /// where a diagnostic goes and how the method is named in it (its name, or <c>lambda</c>).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, Action<SyntaxNodeAnalysisContext, IMethodSymbol, Location, string> report)
    {
        start.RegisterSyntaxNodeAction(
            context =>
            {
                var function = (LocalFunctionStatementSyntax)context.Node;
                if (function.AttributeLists.Count > 0 && context.SemanticModel.GetDeclaredSymbol(function, context.CancellationToken) is IMethodSymbol symbol)
                {
                    report(context, symbol, function.Identifier.GetLocation(), symbol.Name);
                }
            },
            SyntaxKind.LocalFunctionStatement);
        start.RegisterSyntaxNodeAction(
            context =>
            {
                var lambda = (ParenthesizedLambdaExpressionSyntax)context.Node;
                if (lambda.AttributeLists.Count > 0 && context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol is IMethodSymbol symbol)
                {
                    report(context, symbol, lambda.ParameterList.GetLocation(), "lambda");
                }
            },
            SyntaxKind.ParenthesizedLambdaExpression);
    }
}
