using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Finds attributes by metadata name, as the parsers see them (the compilation's own symbols are not at hand there).</summary>
internal static class Attributes
{
    public static AttributeData? Find(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(attribute => attribute.AttributeClass?.ToDisplayString() == metadataName);

    public static bool Has(ISymbol symbol, string metadataName) => Find(symbol, metadataName) is not null;
}
