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

    public static ManifestEntry? Read(AttributeData attribute)
    {
        string? kind = attribute.AttributeClass?.ToDisplayString();
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
