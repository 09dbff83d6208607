using System.Runtime.InteropServices;

namespace CapsuleGen.DLPack;

/// <summary>
/// DLPack's <c>DLTensor</c>, field for field: the memory of an n-dimensional array and how to read it.
/// <see cref="Strides"/> counts elements, not bytes, and may be null for a compact row-major tensor.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DLTensor
{
    /// <summary>The memory, or its base (see <see cref="ByteOffset"/>).</summary>
    public void* Data;
    /// <summary>Where the memory lives.</summary>
    public DLDevice Device;
    /// <summary>The number of dimensions; zero for a scalar.</summary>
    public int Ndim;
    /// <summary>The type of one element.</summary>
    public DLDataType DataType;
    /// <summary>The length of each dimension.</summary>
    public long* Shape;
    /// <summary>The distance between neighbours along each dimension, in elements; null for compact row-major.</summary>
    public long* Strides;
    /// <summary>Where the first element is, in bytes from <see cref="Data"/>.</summary>
    public ulong ByteOffset;
}

/// <summary>
/// DLPack's legacy <c>DLManagedTensor</c> (the <c>"dltensor"</c> capsule): a tensor, its producer's
/// context, and the deleter its consumer calls exactly once when done with it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DLManagedTensor
{
    /// <summary>The tensor.</summary>
    public DLTensor Tensor;
    /// <summary>The producer's own context, for its deleter.</summary>
    public void* ManagerContext;
    /// <summary>What the consumer calls, exactly once, when it no longer needs the memory; may be null.</summary>
    public delegate* unmanaged[Cdecl]<DLManagedTensor*, void> Deleter;
}

/// <summary>A DLPack ABI version: a producer and a consumer agree when the major versions match.</summary>
/// <param name="Major">Changes when the layout changes.</param>
/// <param name="Minor">Changes when something is added.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct DLPackVersion(uint Major, uint Minor)
{
    /// <summary>The version this library writes and asks for: 1.0, the first versioned ABI.</summary>
    public static DLPackVersion Current => new(1, 0);

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>The bits of <see cref="DLManagedTensorVersioned.Flags"/>.</summary>
[Flags]
public enum DLPackFlags : ulong
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The consumer must not write to the memory.</summary>
    ReadOnly = 1,

    /// <summary>The producer copied the data for this exchange: no one else sees the consumer's writes.</summary>
    IsCopied = 2,

    /// <summary>Sub-byte elements are padded to a byte each.</summary>
    IsSubbyteTypePadded = 4,
}

/// <summary>
/// DLPack 1.0's <c>DLManagedTensorVersioned</c> (the <c>"dltensor_versioned"</c> capsule): the version
/// first, so that a consumer can check it before reading anything else, then flags (read-only, copied).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DLManagedTensorVersioned
{
    /// <summary>The ABI version the producer wrote.</summary>
    public DLPackVersion Version;
    /// <summary>The producer's own context, for its deleter.</summary>
    public void* ManagerContext;
    /// <summary>What the consumer calls, exactly once, when it no longer needs the memory; may be null.</summary>
    public delegate* unmanaged[Cdecl]<DLManagedTensorVersioned*, void> Deleter;
    /// <summary>Read-only, copied, padded.</summary>
    public DLPackFlags Flags;
    /// <summary>The tensor.</summary>
    public DLTensor Tensor;
}
