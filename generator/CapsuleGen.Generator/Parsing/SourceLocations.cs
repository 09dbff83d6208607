using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// The places diagnostics point at: the part of the declaration the fix changes, so that the
/// squiggle lands where the user has to type.
/// </summary>
internal static class SourceLocations
{
    public static Location? Of(ISymbol symbol) => symbol.Locations.FirstOrDefault();

    public static Location? ReturnType(IMethodSymbol method) =>
        Syntax<MethodDeclarationSyntax>(method)?.ReturnType.GetLocation() ?? Of(method);

    public static Location? ParameterType(IParameterSymbol parameter) =>
        Syntax<ParameterSyntax>(parameter)?.Type?.GetLocation() ?? Of(parameter);

    /// <summary>The attribute's first argument (the name), or the attribute itself.</summary>
    public static Location? AttributeArgument(AttributeData attribute, ISymbol owner)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax)
        {
            return syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax.GetLocation();
        }

        return Of(owner);
    }

    /// <summary>The attribute's named argument (<c>OnException = ...</c>), or the attribute itself.</summary>
    public static Location? NamedArgument(AttributeData attribute, string name, ISymbol owner) =>
        attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax
            ? syntax.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation() ?? syntax.GetLocation()
            : Of(owner);

    /// <summary>Whether a declaration of the type carries the <c>partial</c> modifier.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<TypeDeclarationSyntax>()
            .Any(declaration => declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static T? Syntax<T>(ISymbol symbol)
        where T : SyntaxNode =>
        symbol.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()).OfType<T>().FirstOrDefault();
}
