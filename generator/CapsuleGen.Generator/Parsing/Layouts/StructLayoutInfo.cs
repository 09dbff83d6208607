using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>A field at its offset: its C declaration (<c>double X</c>, <c>uint16_t Text[32]</c>) and the type a catalog follows from it.</summary>
internal sealed record LaidOutField(string Declaration, int Offset, ITypeSymbol Type);

/// <summary>
/// A struct as .NET lays it out in memory, which is what a C declaration of it must match: size,
/// alignment, and each field's C type and offset.
/// </summary>
internal sealed class StructLayoutInfo
{
    public StructLayoutInfo(string cName, int size, int alignment, IReadOnlyList<LaidOutField> fields, string? unnamedBytes = null)
    {
        CName = cName;
        Size = size;
        Alignment = alignment;
        Fields = fields;
        UnnamedBytes = unnamedBytes;
    }

    /// <summary>The struct as C names it: <c>struct Point</c>.</summary>
    public string CName { get; }

    public int Size { get; }

    public int Alignment { get; }

    public IReadOnlyList<LaidOutField> Fields { get; }

    /// <summary>
    /// Why the struct (or one nested in it) has bytes that belong to no field beyond the padding C
    /// inserts itself (a declared <c>Size</c>, explicit offsets), which C would have to declare as a
    /// member; null when a C struct of the same members lays out the same.
    /// </summary>
    public string? UnnamedBytes { get; }

    /// <summary>
    /// The canonical text a capsule's signature carries and compares:
    /// <c>struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }</c>.
    /// </summary>
    public string Text =>
        $"{CName} ({Size.ToString(CultureInfo.InvariantCulture)} byte{(Size == 1 ? string.Empty : "s")}, align {Alignment.ToString(CultureInfo.InvariantCulture)}) {{ " +
        string.Concat(Fields.Select(laidOut => laidOut.Declaration + " at " + laidOut.Offset.ToString(CultureInfo.InvariantCulture) + "; ")) + "}";

    /// <summary>The text for a struct whose layout cannot be described: it is named by its .NET type instead.</summary>
    public static string OpaqueText(INamedTypeSymbol type) =>
        $"struct {type.Name} ({type.ToDisplayString()}, layout not described)";
}
