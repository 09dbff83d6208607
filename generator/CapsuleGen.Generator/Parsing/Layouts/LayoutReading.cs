using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>
/// One check of the structs a type reaches, which may reach a struct again: a function pointer field
/// can pass the struct it is a field of (<c>struct Node { delegate* unmanaged[Cdecl]&lt;Node, int&gt; F; }</c>)
/// or one that holds it, and a struct can hold the same struct in many fields. It remembers the
/// layouts already read, so that each struct is read once and a signature that reaches a struct
/// again finds it known, and how deep the reading is.
/// </summary>
internal sealed class LayoutReading
{
    private readonly Dictionary<INamedTypeSymbol, StructLayoutInfo>[] _read =
    {
        new(SymbolEqualityComparer.Default),
        new(SymbolEqualityComparer.Default),
    };

    public LayoutReading(IAssemblySymbol home)
    {
        Home = home;
    }

    /// <summary>The assembly being compiled: only structs declared in it have a layout the compiler can see.</summary>
    public IAssemblySymbol Home { get; }

    /// <summary>How many structs are being read, each reached from the one before (as a field, or by a function pointer field's signature).</summary>
    public int Depth { get; private set; }

    public void Enter() => Depth++;

    public void Leave() => Depth--;

    /// <summary>
    /// The layout of <paramref name="type"/> read before under <paramref name="rules"/>, if it was.
    /// Passed by value, a struct is known from when its layout is, while its function pointers'
    /// signatures are checked: a struct reached again from there is taken as it is, being checked already.
    /// </summary>
    public StructLayoutInfo? Known(INamedTypeSymbol type, LayoutRules rules) =>
        _read[(int)rules].TryGetValue(type, out StructLayoutInfo? layout) ? layout : null;

    public void Remember(INamedTypeSymbol type, LayoutRules rules, StructLayoutInfo layout) => _read[(int)rules][type] = layout;

    public void Forget(INamedTypeSymbol type, LayoutRules rules) => _read[(int)rules].Remove(type);
}
