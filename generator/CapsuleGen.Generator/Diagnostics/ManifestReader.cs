using System.Linq;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>
/// Reads one entry of a referenced assembly's capsule manifest. The manifest attributes are public,
/// so an entry may have been written by hand: one that does not describe an export (a null
/// signature, a null or empty slot list) is skipped rather than trusted.
/// </summary>
internal static class ManifestReader
{
    private const string Function = KnownNames.ExportedCapsuleAttribute;
    private const string Table = KnownNames.ExportedCapsuleTableAttribute;
    private const string Struct = KnownNames.ExportedCapsuleStructAttribute;

    public static ManifestEntry? Read(AttributeData attribute)
    {
        string? kind = attribute.AttributeClass?.ToDisplayString();
        if (kind == Struct)
        {
            return ReadStruct(attribute);
        }

        if (kind is not (Function or Table) || attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error))
        {
            return null;
        }

        string? name = attribute.ConstructorArguments[0].Value as string;
        TypedConstant described = attribute.ConstructorArguments[1];
        EquatableArray<string> layouts = StructLayouts(attribute);
        if (kind == Function)
        {
            return described.Value is string { Length: > 0 } signature
                ? new ManifestEntry(name, signature, EquatableArray<ManifestSlot>.Empty, layouts)
                : null;
        }

        if (described.Kind != TypedConstantKind.Array || described.IsNull || described.Values.Length == 0)
        {
            return null;
        }

        return new ManifestEntry(name, null, described.Values.Select(slot => new ManifestSlot(slot.Value as string)).ToEquatableArray(), layouts);
    }

    /// <summary>A C struct table: its name, a positive size, and as many C types as offsets.</summary>
    private static ManifestEntry? ReadStruct(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 4 || attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error) ||
            attribute.ConstructorArguments[1].Value is not int size || size <= 0 ||
            attribute.ConstructorArguments[2] is not { Kind: TypedConstantKind.Array, IsNull: false } offsets ||
            attribute.ConstructorArguments[3] is not { Kind: TypedConstantKind.Array, IsNull: false } types ||
            offsets.Values.Length != types.Values.Length || offsets.Values.Length == 0)
        {
            return null;
        }

        var fields = new ManifestStructField[offsets.Values.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            if (offsets.Values[i].Value is not int offset || types.Values[i].Value is not string cType)
            {
                return null;
            }

            fields[i] = new ManifestStructField(offset, cType);
        }

        return new ManifestEntry(attribute.ConstructorArguments[0].Value as string, null, EquatableArray<ManifestSlot>.Empty, StructLayouts(attribute), size, fields.ToEquatableArray());
    }

    private static EquatableArray<string> StructLayouts(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "StructLayouts" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                return argument.Value.Values.Select(layout => layout.Value as string).OfType<string>().ToEquatableArray();
            }
        }

        return EquatableArray<string>.Empty;
    }
}
