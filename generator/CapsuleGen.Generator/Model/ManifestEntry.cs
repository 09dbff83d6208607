namespace CapsuleGen.Generator.Model;

/// <summary>One slot's C signature in a manifest entry; null where a table holds no function.</summary>
internal sealed record ManifestSlot(string? Signature);

/// <summary>One field of a C struct table in a manifest entry: its offset and C type (which, for a function, spells its signature).</summary>
internal sealed record ManifestStructField(int Offset, string CType);

/// <summary>
/// What one export publishes about itself in the assembly manifest: its name, either its
/// function's C signature, each slot's, or a C struct's size and fields, and the layout of every
/// struct those reach.
/// </summary>
/// <param name="StructSize">For a C struct table, its size in bytes; 0 otherwise.</param>
/// <param name="StructFields">For a C struct table, its fields in order of offset.</param>
internal sealed record ManifestEntry(
    string? CapsuleName,
    string? FunctionSignature,
    EquatableArray<ManifestSlot> TableSlots,
    EquatableArray<string> StructLayouts,
    int StructSize = 0,
    EquatableArray<ManifestStructField> StructFields = default)
{
    /// <summary>Whether the export is a table laid out as a C struct.</summary>
    public bool IsStruct => StructSize > 0;

    public static ManifestEntry For(ExportedFunction function) =>
        new(function.CapsuleName, function.Signature.CSignature, EquatableArray<ManifestSlot>.Empty, function.StructLayouts);

    public static ManifestEntry For(ExportedTable table)
    {
        if (table.Struct is { } layout)
        {
            EquatableArray<ManifestStructField> fields = System.Linq.Enumerable.Select(layout.Fields, field => new ManifestStructField(field.Offset, field.CType)).ToEquatableArray();
            return new ManifestEntry(table.CapsuleName, null, EquatableArray<ManifestSlot>.Empty, table.StructLayouts, layout.Size, fields);
        }

        var slots = new ManifestSlot[table.SlotCount];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = new ManifestSlot(null);
        }

        foreach (ExportedSlot slot in table.Slots)
        {
            slots[slot.Index] = new ManifestSlot(slot.Function.Signature.CSignature);
        }

        return new ManifestEntry(table.CapsuleName, null, slots.ToEquatableArray(), table.StructLayouts);
    }
}
