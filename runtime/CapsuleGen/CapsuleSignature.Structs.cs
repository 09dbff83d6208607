namespace CapsuleGen;

public sealed partial class CapsuleSignature
{
    private CapsuleStructField[]? _structFields;

    /// <summary>
    /// The pointer is a table laid out as a C struct of <paramref name="size"/> bytes, whose fields
    /// are <paramref name="fields"/> in order of offset (see <see cref="CapsuleLayout.CStruct"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The struct has no field, a field has no C type, or the fields overlap, are out of order or lie past the end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive.</exception>
    public static CapsuleSignature Struct(int size, params CapsuleStructField[] fields)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0)
        {
            throw new ArgumentException("A C struct table has at least one field.", nameof(fields));
        }

        int previous = -1;
        foreach (CapsuleStructField field in fields)
        {
            ArgumentException.ThrowIfNullOrEmpty(field.CType, nameof(fields));
            if (field.Offset <= previous || field.Offset >= size)
            {
                throw new ArgumentException(
                    $"Fields are given in increasing order of offset, each inside the struct's {size} bytes; {field} is not.", nameof(fields));
            }

            previous = field.Offset;
        }

        return new CapsuleSignature(isTable: false, []) { _structFields = (CapsuleStructField[])fields.Clone(), StructSize = size };
    }

    /// <summary>Whether the pointer is a table laid out as a C struct.</summary>
    public bool IsStruct => _structFields is not null;

    /// <summary>The size in bytes of a C struct table; 0 for anything else.</summary>
    public int StructSize { get; private init; }

    /// <summary>The fields of a C struct table, in order of offset; empty for anything else.</summary>
    public IReadOnlyList<CapsuleStructField> StructFields => _structFields ?? [];

    /// <summary>The field of a C struct table at <paramref name="offset"/>, or <see langword="null"/> if none starts there.</summary>
    public CapsuleStructField? FindStructField(int offset)
    {
        foreach (CapsuleStructField field in StructFields)
        {
            if (field.Offset == offset)
            {
                return field;
            }
        }

        return null;
    }

    private bool StructEqual(CapsuleSignature other) =>
        StructSize == other.StructSize && StructFields.SequenceEqual(other.StructFields);

    private void AddStruct(ref HashCode hash)
    {
        hash.Add(StructSize);
        foreach (CapsuleStructField field in StructFields)
        {
            hash.Add(field);
        }
    }
}
