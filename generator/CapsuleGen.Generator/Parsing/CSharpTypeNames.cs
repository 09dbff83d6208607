using System.Linq;
using CapsuleGen.Generator.Emitting;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// How generated code names a type: fully qualified, with C#'s keywords for the primitives, except
/// that <c>nint</c> and <c>nuint</c> are written <c>global::System.IntPtr</c> and <c>global::System.UIntPtr</c>:
/// they are only contextual keywords, which a type or alias of that name in the user's code captures.
/// </summary>
internal static class CSharpTypeNames
{
    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string Of(ITypeSymbol type) =>
        string.Concat(type.ToDisplayParts(s_fullyQualified).Select(part => part.Symbol switch
        {
            ITypeSymbol { SpecialType: SpecialType.System_IntPtr } when part.Kind == SymbolDisplayPartKind.Keyword => RuntimeNames.IntPtr,
            ITypeSymbol { SpecialType: SpecialType.System_UIntPtr } when part.Kind == SymbolDisplayPartKind.Keyword => RuntimeNames.UIntPtr,
            _ => part.ToString(),
        }));
}
