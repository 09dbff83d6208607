using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>Reads <c>[CapsuleField]</c> and its <c>StructSize</c> flag.</summary>
internal static class FieldAttribute
{
    public static AttributeData? Find(ISymbol member) => Attributes.Find(member, KnownNames.CapsuleFieldAttribute);

    public static bool Has(ISymbol member) => Find(member) is not null;

    /// <summary>Whether the member is marked <c>[CapsuleField(StructSize = true)]</c>.</summary>
    public static bool IsStructSize(ISymbol member)
    {
        if (Find(member) is not { } attribute)
        {
            return false;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == KnownNames.StructSizeProperty && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }
}
