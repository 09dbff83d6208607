namespace CapsuleGen.Generator.Model;

/// <summary>A function placed in slot <paramref name="Index"/> of an exported table.</summary>
internal sealed record ExportedSlot(int Index, ExportedFunction Function);

/// <summary>
/// A <c>partial class</c> marked <c>[ExportCapsule]</c>: a table of function pointers, one per
/// <c>[CapsuleSlot(n)]</c> method; or, with <c>Layout = CapsuleLayout.CStruct</c>, a C struct of its
/// <c>[CapsuleField]</c> members (<see cref="Struct"/>), and then no slots.
/// </summary>
/// <param name="Location">Where the class is declared; its last type is the class itself.</param>
/// <param name="CapsuleName">The table's capsule name; null for a NULL name.</param>
/// <param name="SlotCount">One past the highest slot; slots not given are null.</param>
/// <param name="Slots">The filled slots, in slot order.</param>
/// <param name="FactoryName">The private method that fills the table, chosen so that it clashes with no name of the class.</param>
/// <param name="StructLayouts">The layout of every struct any slot's signature reaches, ordered by C name.</param>
/// <param name="HidesInherited">Whether the capsule property hides the one generated for a base class's table, and so is declared <c>new</c>.</param>
/// <param name="ClassDeprecation">Whether the class itself is obsolete or experimental, which code naming its capsule property inherits.</param>
/// <param name="Struct">For a C struct table, its fields, size and alignment; null for a table of slots.</param>
internal sealed record ExportedTable(
    TypeLocation Location,
    string? CapsuleName,
    int SlotCount,
    EquatableArray<ExportedSlot> Slots,
    string FactoryName,
    EquatableArray<string> StructLayouts,
    bool HidesInherited,
    Deprecation ClassDeprecation,
    StructTable? Struct = null)
{
    /// <summary>How the table is laid out.</summary>
    public TableLayout Layout => Struct is null ? TableLayout.Slots : TableLayout.CStruct;

    /// <summary>The class's own name, which names the capsule property: <c>SpamApi</c> gets <c>SpamApiCapsule</c>.</summary>
    public string TypeName => Location.Types[Location.Types.Count - 1].Name.TrimStart('@');

    /// <summary>The generated capsule property: <c>SpamApiCapsule</c>.</summary>
    public string PropertyName => Parsing.GeneratedNames.CapsuleProperty(TypeName);

    /// <summary>
    /// The capsule property's modifiers. It is public, so exactly as visible as the class: a class's
    /// own accessibility on a member could be one its enclosing type cannot read (private) or one a
    /// static class cannot have (protected).
    /// </summary>
    public string PropertyModifiers => HidesInherited ? "public static new" : "public static";

    /// <summary>Everything obsolete or experimental the generated code for this table names.</summary>
    public Deprecation Deprecation =>
        Struct is null
            ? System.Linq.Enumerable.Aggregate(Slots, Deprecation.None, (all, slot) => all.Union(slot.Function.Deprecation))
            : System.Linq.Enumerable.Aggregate(Struct.Fields, Deprecation.None, (all, member) => all.Union(member.Function?.Deprecation ?? member.MemberDeprecation));
}
