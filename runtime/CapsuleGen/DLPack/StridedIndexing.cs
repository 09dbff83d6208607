using System.Globalization;
using System.Runtime.CompilerServices;

namespace CapsuleGen.DLPack;

/// <summary>The arithmetic both strided views share: counts, bounds-checked offsets, and walking in row-major order.</summary>
internal static class StridedIndexing
{
    /// <summary>A view's first element; the default view has none, and indexing it throws rather than reading address zero.</summary>
    public static ref T First<T>(ref T first)
    {
        if (Unsafe.IsNullRef(ref first))
        {
            throw new IndexOutOfRangeException("The view is empty (a default view holds no elements).");
        }

        return ref first;
    }

    public static nint Count(ReadOnlySpan<nint> lengths)
    {
        nint count = 1;
        foreach (nint length in lengths)
        {
            count *= length;
        }

        return count;
    }

    /// <summary>The byte offset of the element at <paramref name="indices"/>; throws for a wrong count of indices or one out of range.</summary>
    public static nint Offset(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides, ReadOnlySpan<nint> indices)
    {
        if (indices.Length != lengths.Length)
        {
            throw new ArgumentException($"The view has {lengths.Length} dimensions; {indices.Length} indices were given.", nameof(indices));
        }

        nint offset = 0;
        for (int dimension = 0; dimension < indices.Length; dimension++)
        {
            nint index = indices[dimension];
            if ((nuint)index >= (nuint)lengths[dimension])
            {
                throw new IndexOutOfRangeException(
                    $"Index {index.ToString(CultureInfo.InvariantCulture)} is out of range for dimension {dimension} of length {lengths[dimension].ToString(CultureInfo.InvariantCulture)}.");
            }

            offset += index * byteStrides[dimension];
        }

        return offset;
    }

    /// <summary>The byte offset of the element at <paramref name="indices"/>, which then move to the next element in row-major order.</summary>
    public static nint OffsetAndAdvance(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides, Span<nint> indices)
    {
        nint offset = 0;
        for (int dimension = 0; dimension < indices.Length; dimension++)
        {
            offset += indices[dimension] * byteStrides[dimension];
        }

        for (int dimension = indices.Length - 1; dimension >= 0; dimension--)
        {
            if (++indices[dimension] < lengths[dimension])
            {
                break;
            }

            indices[dimension] = 0;
        }

        return offset;
    }

    /// <summary>Whether elements of <paramref name="elementSize"/> bytes lie one after another in row-major order.</summary>
    public static bool IsContiguous(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> byteStrides, nint elementSize)
    {
        if (Count(lengths) == 0)
        {
            return true;
        }

        nint expected = elementSize;
        for (int dimension = lengths.Length - 1; dimension >= 0; dimension--)
        {
            // A dimension of length one is never stepped along, so its stride does not matter.
            if (lengths[dimension] != 1 && byteStrides[dimension] != expected)
            {
                return false;
            }

            expected *= lengths[dimension];
        }

        return true;
    }
}
