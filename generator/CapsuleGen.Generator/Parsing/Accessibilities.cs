using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Compares how widely types can be seen, for generated members that must not be more visible than the types they name.</summary>
internal static class Accessibilities
{
    /// <summary>
    /// Whether every type in <paramref name="types"/> can be seen wherever a public member of a type
    /// nested in <paramref name="owner"/> can (otherwise C# refuses that member: CS0050, CS0051, CS0053).
    /// Internal and protected count as alike, which only a type nested in a protected one could tell apart.
    /// </summary>
    public static bool AreVisibleWherever(IEnumerable<ITypeSymbol> types, INamedTypeSymbol owner)
    {
        int required = Rank(owner);
        return types.All(type => Rank(type) >= required);
    }

    /// <summary>How widely a type can be seen: the narrowest accessibility of it, the types around it, and the types it is made of.</summary>
    private static int Rank(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol pointer => Rank(pointer.PointedAtType),
        IArrayTypeSymbol array => Rank(array.ElementType),
        IFunctionPointerTypeSymbol functionPointer => SignatureTypes.Of(functionPointer.Signature).Select(Rank).DefaultIfEmpty(Public).Min(),
        INamedTypeSymbol named => named.TypeArguments.Select(Rank).Append(RankOfDeclaration(named)).Min(),
        _ => Public,
    };

    private const int Public = 4;

    private static int RankOfDeclaration(INamedTypeSymbol type)
    {
        int rank = Public;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            rank = System.Math.Min(rank, current.DeclaredAccessibility switch
            {
                Accessibility.Public => Public,
                Accessibility.ProtectedOrInternal => 3,
                Accessibility.Internal or Accessibility.Protected => 2,
                Accessibility.ProtectedAndInternal => 1,
                _ => 0,
            });
        }

        return rank;
    }
}
