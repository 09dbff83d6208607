using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

internal static class AccessibilityText
{
    /// <summary>The accessibility as C# spells it, so a generated member can match the user's.</summary>
    public static string Of(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>
    /// The accessibility of the member generated for <paramref name="method"/> (its capsule property):
    /// the method's own, except in a type nothing derives from (sealed, static, a struct), where a new
    /// protected member is a warning or an error (CS0628, CS1057, CS0666) and means no more than
    /// private (protected internal: internal).
    /// </summary>
    public static Accessibility OfGeneratedMember(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        bool underivable = type.IsSealed || type.IsStatic || type.TypeKind == TypeKind.Struct;
        return (method.DeclaredAccessibility, underivable) switch
        {
            (Accessibility.Protected or Accessibility.ProtectedAndInternal, true) => Accessibility.Private,
            (Accessibility.ProtectedOrInternal, true) => Accessibility.Internal,
            (var declared, _) => declared,
        };
    }
}
