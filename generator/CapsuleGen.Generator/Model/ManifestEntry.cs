namespace CapsuleGen.Generator.Model;

/// <summary>One slot's C signature in a manifest entry; null where a table holds no function.</summary>
internal sealed record ManifestSlot(string? Signature);

/// <summary>
/// What one export publishes about itself in the assembly manifest: its name, either its
/// function's C signature or each slot's, and the layout of every struct those signatures reach.
/// </summary>
internal sealed record ManifestEntry(string? CapsuleName, string? FunctionSignature, EquatableArray<ManifestSlot> TableSlots, EquatableArray<string> StructLayouts)
{
    public static ManifestEntry For(ExportedFunction function) =>
        new(function.CapsuleName, function.Signature.CSignature, EquatableArray<ManifestSlot>.Empty, function.StructLayouts);

    public static ManifestEntry For(ExportedTable table)
    {
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
