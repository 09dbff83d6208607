using System.Runtime.CompilerServices;

namespace CapsuleGen.DLPack;

/// <summary>
/// A writable view of an n-dimensional array another library owns (a NumPy array, a torch tensor, a
/// DLPack tensor): elements are reached by index through the array's own strides, which may be
/// negative (<c>a[::-1]</c>) or zero (a broadcast), so nothing is copied. Valid only while its owner
/// lends the memory: for a module function's parameter, the call.
/// </summary>
/// <remarks>
/// <c>System.Numerics.Tensors.TensorSpan&lt;T&gt;</c> refuses negative strides, which both DLPack and the
/// buffer protocol allow; this view takes every layout they can describe.
/// </remarks>
public readonly ref struct StridedSpan<T> where T : unmanaged
{
    private readonly ref T _first;
    private readonly ReadOnlySpan<nint> _lengths;
    private readonly ReadOnlySpan<nint> _byteStrides;

    internal StridedSpan(ref T first, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides)
    {
        _first = ref first;
        _lengths = lengths;
        _byteStrides = byteStrides;
    }

    /// <summary>The number of dimensions: zero for a scalar.</summary>
    public int Rank => _lengths.Length;

    /// <summary>The length of each dimension.</summary>
    public ReadOnlySpan<nint> Lengths => _lengths;

    /// <summary>The distance between neighbours along each dimension, in bytes (as NumPy's <c>strides</c>).</summary>
    public ReadOnlySpan<nint> ByteStrides => _byteStrides;

    /// <summary>How many elements the view holds: the product of its lengths (one for a scalar, zero if any length is, zero for the default view).</summary>
    public nint ElementCount => Unsafe.IsNullRef(ref _first) ? 0 : StridedIndexing.Count(_lengths);

    /// <summary>The element at <paramref name="indices"/>, one per dimension; a wrong count or an index out of range throws.</summary>
    public ref T this[params ReadOnlySpan<nint> indices] =>
        ref Unsafe.AddByteOffset(ref StridedIndexing.First(ref _first), StridedIndexing.Offset(_lengths, _byteStrides, indices));

    /// <summary>The element at <paramref name="index"/> of a one-dimensional view.</summary>
    public ref T this[nint index] => ref this[[index]];

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>) of a two-dimensional view.</summary>
    public ref T this[nint row, nint column] => ref this[[row, column]];

    /// <summary>Whether the elements lie one after another in row-major order, so <see cref="TryGetSpan"/> succeeds.</summary>
    public bool IsContiguous => StridedIndexing.IsContiguous(_lengths, _byteStrides, Unsafe.SizeOf<T>());

    /// <summary>The elements as one span if they are contiguous (and at most <see cref="int.MaxValue"/> of them).</summary>
    public bool TryGetSpan(out Span<T> span)
    {
        nint count = ElementCount;
        bool contiguous = IsContiguous && count <= int.MaxValue;
        span = contiguous ? System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref _first, (int)count) : default;
        return contiguous;
    }

    /// <summary>Copies the elements, in row-major order, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination) => ((ReadOnlyStridedSpan<T>)this).CopyTo(destination);

    /// <summary>The elements, in row-major order, in a new array.</summary>
    public T[] ToArray() => ((ReadOnlyStridedSpan<T>)this).ToArray();

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value)
    {
        nint count = ElementCount;
        Span<nint> indices = _lengths.Length <= 16 ? stackalloc nint[_lengths.Length] : new nint[_lengths.Length];
        for (nint i = 0; i < count; i++)
        {
            Unsafe.AddByteOffset(ref _first, StridedIndexing.OffsetAndAdvance(_lengths, _byteStrides, indices)) = value;
        }
    }

    /// <summary>The same view, read-only.</summary>
    public static implicit operator ReadOnlyStridedSpan<T>(StridedSpan<T> view) => new(ref view._first, view._lengths, view._byteStrides);
}

/// <summary>
/// A read-only view of an n-dimensional array another library owns, through the array's own strides
/// (negative and zero ones too): see <see cref="StridedSpan{T}"/>. What a module function takes for an
/// array it only reads, which a read-only NumPy array or <c>bytes</c> can give.
/// </summary>
public readonly ref struct ReadOnlyStridedSpan<T> where T : unmanaged
{
    private readonly ref T _first;
    private readonly ReadOnlySpan<nint> _lengths;
    private readonly ReadOnlySpan<nint> _byteStrides;

    internal ReadOnlyStridedSpan(ref T first, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides)
    {
        _first = ref first;
        _lengths = lengths;
        _byteStrides = byteStrides;
    }

    /// <summary>The number of dimensions: zero for a scalar.</summary>
    public int Rank => _lengths.Length;

    /// <summary>The length of each dimension.</summary>
    public ReadOnlySpan<nint> Lengths => _lengths;

    /// <summary>The distance between neighbours along each dimension, in bytes (as NumPy's <c>strides</c>).</summary>
    public ReadOnlySpan<nint> ByteStrides => _byteStrides;

    /// <summary>How many elements the view holds: the product of its lengths (one for a scalar, zero if any length is, zero for the default view).</summary>
    public nint ElementCount => Unsafe.IsNullRef(ref _first) ? 0 : StridedIndexing.Count(_lengths);

    /// <summary>The element at <paramref name="indices"/>, one per dimension; a wrong count or an index out of range throws.</summary>
    public ref readonly T this[params ReadOnlySpan<nint> indices] =>
        ref Unsafe.AddByteOffset(ref StridedIndexing.First(ref _first), StridedIndexing.Offset(_lengths, _byteStrides, indices));

    /// <summary>The element at <paramref name="index"/> of a one-dimensional view.</summary>
    public ref readonly T this[nint index] => ref this[[index]];

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>) of a two-dimensional view.</summary>
    public ref readonly T this[nint row, nint column] => ref this[[row, column]];

    /// <summary>Whether the elements lie one after another in row-major order, so <see cref="TryGetSpan"/> succeeds.</summary>
    public bool IsContiguous => StridedIndexing.IsContiguous(_lengths, _byteStrides, Unsafe.SizeOf<T>());

    /// <summary>The elements as one span if they are contiguous (and at most <see cref="int.MaxValue"/> of them).</summary>
    public bool TryGetSpan(out ReadOnlySpan<T> span)
    {
        nint count = ElementCount;
        bool contiguous = IsContiguous && count <= int.MaxValue;
        span = contiguous ? System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref _first, (int)count) : default;
        return contiguous;
    }

    /// <summary>Copies the elements, in row-major order, into <paramref name="destination"/>, which must hold them all.</summary>
    public void CopyTo(Span<T> destination)
    {
        nint count = ElementCount;
        if (count > destination.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements; the view has {count}.", nameof(destination));
        }

        Span<nint> indices = _lengths.Length <= 16 ? stackalloc nint[_lengths.Length] : new nint[_lengths.Length];
        for (int i = 0; i < count; i++)
        {
            destination[i] = Unsafe.AddByteOffset(ref _first, StridedIndexing.OffsetAndAdvance(_lengths, _byteStrides, indices));
        }
    }

    /// <summary>The elements, in row-major order, in a new array.</summary>
    public T[] ToArray()
    {
        var array = new T[checked((int)ElementCount)];
        CopyTo(array);
        return array;
    }
}
