namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// The test's own, deliberately simple, layout arithmetic: where sequential layout puts each field.
/// It only decides the offsets and sizes the random declarations spell out (<c>FieldOffset</c>,
/// <c>Size</c>); whether they are right is judged by C's offsetof and by the values that cross.
/// </summary>
internal static class HarnessLayout
{
    public static (int Size, int Alignment) Of(FuzzType type) => type switch
    {
        PrimitiveType { Primitive: var primitive } => (PrimitiveSize(primitive), PrimitiveSize(primitive)),
        EnumType { Enum.Underlying: var underlying } => (PrimitiveSize(underlying), PrimitiveSize(underlying)),
        PointerType or FunctionPointerType => (8, 8),
        BoolType { FourBytes: true } => (4, 4),
        BoolType => (1, 1),
        CharType => (2, 2),
        StructType { Struct: var structure } => Of(structure),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static (int Size, int Alignment) Of(FuzzStruct structure)
    {
        (int end, int alignment, _) = Sequential(structure);
        int size = RoundUp(end, alignment);
        return structure.Kind switch
        {
            StructKind.Union => (RoundUp(structure.Fields.Max(field => FieldSize(field)), alignment), alignment),
            StructKind.Sized => (size + (structure.ExtraSize * alignment), alignment),
            StructKind.InlineArray => (Of(structure.Fields[0].Type).Size * structure.InlineLength, Of(structure.Fields[0].Type).Alignment),
            _ => (size, alignment),
        };
    }

    /// <summary>Each field's offset under sequential layout with the struct's packing, where the fields end, and the alignment.</summary>
    public static (int End, int Alignment, IReadOnlyList<int> Offsets) Sequential(FuzzStruct structure)
    {
        int pack = structure.Pack > 0 ? structure.Pack : 8;
        int offset = 0;
        int alignment = 1;
        var offsets = new List<int>();
        foreach (FuzzField field in structure.Fields)
        {
            int fieldAlignment = Math.Min(Of(field.Type).Alignment, pack);
            offset = structure.Kind == StructKind.Union ? 0 : RoundUp(offset, fieldAlignment);
            offsets.Add(offset);
            offset += FieldSize(field);
            alignment = Math.Max(alignment, fieldAlignment);
        }

        return (structure.Kind == StructKind.Union ? structure.Fields.Max(field => FieldSize(field)) : offset, alignment, offsets);
    }

    public static int FieldSize(FuzzField field) => Of(field.Type).Size * Math.Max(1, field.Count);

    public static int PrimitiveSize(Primitive primitive) => primitive switch
    {
        Primitive.SByte or Primitive.Byte => 1,
        Primitive.Short or Primitive.UShort => 2,
        Primitive.Int or Primitive.UInt or Primitive.Float => 4,
        _ => 8,
    };

    private static int RoundUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
