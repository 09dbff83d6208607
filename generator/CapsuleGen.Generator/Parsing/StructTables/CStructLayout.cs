namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Places fields as C does on LP64 targets (x64 and arm64 Linux): each at the next offset that is a
/// multiple of its alignment; the struct's size is the end of the last one rounded up to the
/// largest alignment, so that an array of the structs keeps every field aligned.
/// </summary>
internal sealed class CStructLayout
{
    private int _end;

    /// <summary>The largest alignment of any field placed so far; 1 for an empty struct.</summary>
    public int Alignment { get; private set; } = 1;

    /// <summary>The struct's size in bytes with the fields placed so far.</summary>
    public int Size => Align(_end, Alignment);

    /// <summary>Places a field of <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power of two), and returns its offset.</summary>
    public int Add(int size, int alignment)
    {
        int offset = Align(_end, alignment);
        _end = offset + size;
        Alignment = System.Math.Max(Alignment, alignment);
        return offset;
    }

    private static int Align(int offset, int alignment) => (offset + alignment - 1) / alignment * alignment;
}
