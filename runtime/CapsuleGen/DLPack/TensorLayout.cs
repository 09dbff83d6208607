using System.Globalization;
using System.Runtime.CompilerServices;

namespace CapsuleGen.DLPack;

/// <summary>
/// An n-dimensional array's memory as both DLPack and Python's buffer protocol describe one: the first
/// element, its type, the length of each dimension and the distance between neighbours in bytes. The
/// one place that decides whether it can be read as a span or strided span of <c>T</c>.
/// </summary>
internal readonly unsafe ref struct TensorLayout
{
    public TensorLayout(byte* first, DLDataType dataType, DLDevice device, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides, bool readOnly)
    {
        First = first;
        DataType = dataType;
        Device = device;
        Lengths = lengths;
        ByteStrides = byteStrides;
        ReadOnly = readOnly;
    }

    public byte* First { get; }

    public DLDataType DataType { get; }

    public DLDevice Device { get; }

    public ReadOnlySpan<nint> Lengths { get; }

    public ReadOnlySpan<nint> ByteStrides { get; }

    public bool ReadOnly { get; }

    /// <summary>How many elements the array holds: the product of its lengths (one for a scalar).</summary>
    public nint ElementCount => StridedIndexing.Count(Lengths);

    /// <summary>Whether the elements lie one after another in row-major (C) order, as a span reads them.</summary>
    public bool IsContiguous => StridedIndexing.IsContiguous(Lengths, ByteStrides, DataType.ByteSize);

    /// <summary>Why the array cannot be read as <typeparamref name="T"/> with this access, or null if it can.</summary>
    public TensorMismatch? Check<T>(bool writable, bool contiguous) where T : unmanaged
    {
        DLDataType expected = DLDataType.Require<T>();
        if (DataType != expected)
        {
            return new(TensorMismatchKind.DataType, $"an array of {expected}", $"an array of {DataType}");
        }

        if (!Device.IsHostAccessible)
        {
            return new(TensorMismatchKind.Device, "in CPU memory", $"on {Device}");
        }

        if (writable && ReadOnly)
        {
            return new(TensorMismatchKind.ReadOnly, $"a writable array of {expected}", "a read-only one");
        }

        if (contiguous)
        {
            if (ElementCount > int.MaxValue)
            {
                return new(TensorMismatchKind.Layout, $"at most {int.MaxValue} elements for a span", $"{ElementCount} elements");
            }

            return IsContiguous ? null : new(TensorMismatchKind.Layout, "C-contiguous", $"strided (shape {Describe(Lengths)}, strides {Describe(ByteStrides)} bytes)");
        }

        foreach (nint stride in ByteStrides)
        {
            if (stride % sizeof(T) != 0)
            {
                return new(TensorMismatchKind.Layout, $"strides in whole {expected} elements", $"strides {Describe(ByteStrides)} bytes");
            }
        }

        return null;
    }

    /// <summary>The elements as one span; only after <see cref="Check{T}"/> allowed it, contiguously.</summary>
    public Span<T> AsSpan<T>() where T : unmanaged => new(First, checked((int)ElementCount));

    /// <summary>The elements as a strided span; only after <see cref="Check{T}"/> allowed it.</summary>
    public StridedSpan<T> AsStridedSpan<T>() where T : unmanaged => new(ref Unsafe.AsRef<T>(First), Lengths, ByteStrides);

    /// <summary>A shape or strides as Python prints a tuple: <c>(3, 4)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string Describe(ReadOnlySpan<nint> values)
    {
        if (values.Length == 1)
        {
            return "(" + values[0].ToString(CultureInfo.InvariantCulture) + ",)";
        }

        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
        }

        return "(" + string.Join(", ", parts) + ")";
    }
}
