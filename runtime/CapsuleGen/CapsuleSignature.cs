namespace CapsuleGen;

/// <summary>
/// Describes what a capsule's pointer points to, in C signature strings spelled as SciPy and
/// Cython spell them (<c>double (int, double *, void *)</c>): one function, a table of
/// pointer-sized slots, or a table laid out as a C struct (see <see cref="Struct"/>); and, for the structs those signatures reach, their layouts (see
/// <see cref="StructLayouts"/>). Generated imports compare it with their interface when they bind.
/// </summary>
public sealed partial class CapsuleSignature : IEquatable<CapsuleSignature>
{
    private readonly string?[] _slots;

    private CapsuleSignature(bool isTable, string?[] slots)
    {
        IsTable = isTable;
        _slots = slots;
    }

    /// <summary>The pointer is one function with the C signature <paramref name="signature"/>.</summary>
    public static CapsuleSignature Function(string signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        return new CapsuleSignature(isTable: false, new[] { signature });
    }

    /// <summary>
    /// The pointer is a table of <c>slots.Length</c> pointer-sized slots; each entry is that slot's
    /// C signature, or <see langword="null"/> for a slot that holds data or nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no slots.</exception>
    public static CapsuleSignature Table(params string?[] slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (slots.Length == 0)
        {
            throw new ArgumentException("A table has at least one slot.", nameof(slots));
        }

        return new CapsuleSignature(isTable: true, (string?[])slots.Clone());
    }

    /// <summary>Whether the pointer is a table of slots rather than one function.</summary>
    public bool IsTable { get; }

    /// <summary>The number of slots in a table; 1 for a function; 0 for a C struct.</summary>
    public int SlotCount => _slots.Length;

    /// <summary>The C signature of a single function.</summary>
    /// <exception cref="InvalidOperationException">This describes a table.</exception>
    public string FunctionSignature => IsTable || IsStruct
        ? throw new InvalidOperationException($"This capsule holds a {this}, not a single function.")
        : _slots[0]!;

    /// <summary>The C signature of slot <paramref name="index"/>, or <see langword="null"/> for a data or empty slot.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the table.</exception>
    public string? GetSlot(int index)
    {
        if ((uint)index >= (uint)_slots.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, IsTable
                ? $"Slot {index} is outside a {this} (slots 0 to {_slots.Length - 1})."
                : $"A single function has only slot 0; slot {index} does not exist.");
        }

        return _slots[index];
    }

    /// <inheritdoc/>
    public bool Equals(CapsuleSignature? other) =>
        other is not null && IsTable == other.IsTable && _slots.AsSpan().SequenceEqual(other._slots) && StructEqual(other) && StructLayoutsEqual(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CapsuleSignature);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsTable);
        foreach (string? slot in _slots)
        {
            hash.Add(slot, StringComparer.Ordinal);
        }

        AddStruct(ref hash);
        AddStructLayouts(ref hash);
        return hash.ToHashCode();
    }

    /// <summary>The function's C signature, <c>table of N slots</c>, or <c>C struct of N bytes</c>.</summary>
    public override string ToString() =>
        IsStruct ? $"C struct of {StructSize} byte{(StructSize == 1 ? string.Empty : "s")}"
        : IsTable ? $"table of {SlotCount} slot{(SlotCount == 1 ? string.Empty : "s")}"
        : _slots[0]!;

    /// <summary>Compares two signatures by value.</summary>
    public static bool operator ==(CapsuleSignature? left, CapsuleSignature? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two signatures by value.</summary>
    public static bool operator !=(CapsuleSignature? left, CapsuleSignature? right) => !(left == right);
}
