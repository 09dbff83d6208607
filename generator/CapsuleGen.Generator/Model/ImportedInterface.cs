namespace CapsuleGen.Generator.Model;

/// <summary>A method of an imported interface.</summary>
/// <param name="Name">The method's name, escaped if it is a keyword.</param>
/// <param name="Signature">Its boundary signature.</param>
/// <param name="HasDefaultBody">Whether the interface gives a body, which becomes the fallback.</param>
/// <param name="Slot">The table slot it calls through, or null when the capsule's pointer is the function itself.</param>
/// <param name="MirroredAttributes">Its <c>[Obsolete]</c> and <c>[Experimental]</c> attributes, which the binding's method carries too.</param>
/// <param name="ImplementedExplicitly">Whether its signature names a type less accessible than the binding, which then implements it explicitly rather than with a public method.</param>
/// <param name="Offset">In a C struct table, the byte offset of the function pointer it calls through (and <paramref name="Slot"/> is null).</param>
internal sealed record ImportedMethod(string Name, FunctionSignature Signature, bool HasDefaultBody, int? Slot, EquatableArray<string> MirroredAttributes, bool ImplementedExplicitly = false, int? Offset = null);

/// <summary>A get-only property that reads a table slot as a pointer-sized value, or a field of a C struct table as a value of its type.</summary>
/// <param name="Name">The property's name, escaped if it is a keyword.</param>
/// <param name="Type">Its type: <c>nint</c>, <c>nuint</c> or a pointer for a slot; any field type for a C struct.</param>
/// <param name="HasDefaultBody">Whether the interface gives a getter body, which becomes the fallback.</param>
/// <param name="Slot">The slot it reads; 0 in a C struct table.</param>
/// <param name="MirroredAttributes">Its <c>[Obsolete]</c> and <c>[Experimental]</c> attributes, which the binding's property carries too.</param>
/// <param name="TypeDeprecation">Whether its type is obsolete or experimental.</param>
/// <param name="ImplementedExplicitly">Whether its type is less accessible than the binding, which then implements it explicitly.</param>
/// <param name="Offset">In a C struct table, the byte offset of the value it reads.</param>
internal sealed record ImportedDataSlot(string Name, BoundaryType Type, bool HasDefaultBody, int Slot, EquatableArray<string> MirroredAttributes, Deprecation TypeDeprecation, bool ImplementedExplicitly = false, int? Offset = null);

/// <summary>
/// The names of the binding's private parts. The nested classes and static fields share scopes with
/// the interface's members and parameters, so each is chosen against every name the interface uses;
/// the target's fields are reached only through the target, so each is unique within it (overloads
/// of one method get a field each) and unlike the target class's own name.
/// </summary>
/// <param name="PointerFields">For each method, in order, the target's field holding its native pointer.</param>
/// <param name="EntryFields">For each method, in order, the target's field holding its managed entry.</param>
/// <param name="DataFields">For each data slot, in order, the target's field holding its value.</param>
internal sealed record BindingNames(
    string TargetClass,
    string FallbackClass,
    string FallbackField,
    string SlotsField,
    string LayoutsField,
    EquatableArray<string> PointerFields,
    EquatableArray<string> EntryFields,
    EquatableArray<string> DataFields);

/// <summary>A <c>partial interface</c> marked <c>[ImportCapsule]</c>.</summary>
/// <param name="Location">Where the interface is declared; its last type is the interface itself.</param>
/// <param name="CapsuleName">The capsule name the binding accepts; null for a NULL name.</param>
/// <param name="IsTable">Whether the capsule's pointer is a table (of slots, or a C struct) rather than the one function.</param>
/// <param name="Methods">The methods, in declaration order.</param>
/// <param name="DataSlots">The data properties, in declaration order (tables only).</param>
/// <param name="Names">The binding's private names.</param>
/// <param name="StructLayouts">The layout of every struct the members' signatures reach, ordered by C name; checked when a capsule is bound.</param>
/// <param name="Struct">For a C struct table (<c>Layout = CapsuleLayout.CStruct</c>), every member as a field, in declaration order; null otherwise.</param>
internal sealed record ImportedInterface(
    TypeLocation Location,
    string? CapsuleName,
    bool IsTable,
    EquatableArray<ImportedMethod> Methods,
    EquatableArray<ImportedDataSlot> DataSlots,
    BindingNames Names,
    EquatableArray<string> StructLayouts,
    StructTable? Struct = null)
{
    /// <summary>How the table is laid out; <see cref="TableLayout.Slots"/> for a single function too.</summary>
    public TableLayout Layout => Struct is null ? TableLayout.Slots : TableLayout.CStruct;

    /// <summary>The interface as messages name it: <c>IQuacker</c>.</summary>
    public string DisplayName => Location.NestedName;

    /// <summary>The interface as generated code names it: <c>global::Ns.IQuacker</c>.</summary>
    public string FullyQualifiedName => Location.FullyQualifiedName;

    /// <summary>Whether some member has a default body, which a fallback instance of the interface runs while nothing is bound.</summary>
    public bool HasFallback =>
        System.Linq.Enumerable.Any(Methods, method => method.HasDefaultBody) || System.Linq.Enumerable.Any(DataSlots, data => data.HasDefaultBody);

    /// <summary>Everything obsolete or experimental that the types of the members' signatures name.</summary>
    public Deprecation TypesDeprecation =>
        System.Linq.Enumerable.Aggregate(
            DataSlots,
            System.Linq.Enumerable.Aggregate(Methods, Deprecation.None, (all, method) => all.Union(method.Signature.TypesDeprecation)),
            (all, data) => all.Union(data.TypeDeprecation));
}
