using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>
/// Collects the layout of every struct a signature reaches (passed by value, behind a pointer, in a
/// function pointer, or as a field of another), one per C name, as a C header would declare them.
/// A struct whose layout cannot be described is named by its .NET type instead. Two different
/// structs with one C name are a conflict: C could not tell them apart.
/// </summary>
internal sealed class StructCatalog
{
    private readonly LayoutReading _reading;
    private readonly SortedDictionary<string, (string Text, ITypeSymbol Type)> _layouts = new(System.StringComparer.Ordinal);

    public StructCatalog(IAssemblySymbol home)
    {
        _reading = new LayoutReading(home);
    }

    /// <summary>The layouts collected, ordered by C name.</summary>
    public EquatableArray<string> Texts => _layouts.Values.Select(layout => layout.Text).ToEquatableArray();

    /// <summary>Adds what <paramref name="type"/> reaches; returns the first conflict found, or null.</summary>
    public StructNameConflict? Add(ITypeSymbol type) => Visit(type, depth: 0);

    private StructNameConflict? Visit(ITypeSymbol type, int depth)
    {
        if (depth > 64)
        {
            return null; // only broken code nests this deep
        }

        switch (type)
        {
            case IPointerTypeSymbol pointer:
                return Visit(pointer.PointedAtType, depth + 1);

            case IFunctionPointerTypeSymbol functionPointer:
                return SignatureTypes.Of(functionPointer.Signature).Select(part => Visit(part, depth + 1)).FirstOrDefault(conflict => conflict is not null);

            case INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None or SpecialType.System_DateTime or SpecialType.System_Decimal } structure:
                string cName = "struct " + structure.Name;
                bool seen = _layouts.TryGetValue(cName, out (string Text, ITypeSymbol Type) known);
                if (seen && SymbolEqualityComparer.Default.Equals(known.Type, structure))
                {
                    return null; // described already, with what it reaches: a struct a function pointer field passes is described by name
                }

                StructLayoutInfo? layout = StructLayoutReader.Read(structure, _reading, LayoutRules.InMemory, out _);
                string text = layout?.Text ?? StructLayoutInfo.OpaqueText(structure);
                if (seen)
                {
                    return known.Text == text ? null : new StructNameConflict(cName, known.Type, structure);
                }

                _layouts.Add(cName, (text, structure));
                return layout?.Fields.Select(field => Visit(field.Type, depth + 1)).FirstOrDefault(conflict => conflict is not null);

            default:
                return null;
        }
    }
}

/// <summary>Two different structs that C would both call <see cref="CName"/>.</summary>
internal sealed record StructNameConflict(string CName, ITypeSymbol First, ITypeSymbol Second);
