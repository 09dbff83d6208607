namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// One place of a struct that holds a value of its own: a field, or one element of a fixed buffer
/// or of an inline array. <paramref name="Element"/> is null for a plain field.
/// </summary>
internal readonly record struct StructSlot(int Field, int? Element, int Length, FuzzType Type, FuzzValue? Value)
{
    /// <summary>Whether the slot opens a fixed buffer or an inline array, which descriptions bracket.</summary>
    public bool OpensArray => Element == 0;

    /// <summary>Whether the slot closes a fixed buffer or an inline array.</summary>
    public bool ClosesArray => Element == Length - 1;
}

/// <summary>Walks a struct's slots in declaration order, the way every renderer writes, fills and describes them.</summary>
internal static class StructSlots
{
    /// <summary>The slots of <paramref name="structure"/>, each with its part of <paramref name="value"/> when one is given.</summary>
    public static IEnumerable<StructSlot> Of(FuzzStruct structure, StructValue? value = null)
    {
        if (structure.Kind == StructKind.InlineArray)
        {
            for (int j = 0; j < structure.InlineLength; j++)
            {
                yield return new StructSlot(0, j, structure.InlineLength, structure.Fields[0].Type, (value?.Fields[0] as ArrayValue)?.Elements[j]);
            }

            yield break;
        }

        for (int i = 0; i < structure.Fields.Count; i++)
        {
            FuzzField field = structure.Fields[i];
            if (field.Count == 0)
            {
                yield return new StructSlot(i, null, 0, field.Type, value?.Fields[i]);
                continue;
            }

            for (int j = 0; j < field.Count; j++)
            {
                yield return new StructSlot(i, j, field.Count, field.Type, (value?.Fields[i] as ArrayValue)?.Elements[j]);
            }
        }
    }

    /// <summary>
    /// The statements that describe a struct in some language: <paramref name="append"/> writes a piece
    /// of text, <paramref name="describe"/> describes one slot. The description reads <c>{a [b c] d}</c>:
    /// slots one space apart, arrays in brackets.
    /// </summary>
    public static IEnumerable<string> Describe(FuzzStruct structure, Func<string, string> append, Func<StructSlot, string> describe)
    {
        yield return append("{");
        bool first = true;
        foreach (StructSlot slot in Of(structure))
        {
            if (!first)
            {
                yield return append(" ");
            }

            first = false;
            if (slot.OpensArray)
            {
                yield return append("[");
            }

            yield return describe(slot);
            if (slot.ClosesArray)
            {
                yield return append("]");
            }
        }

        yield return append("}");
    }
}
