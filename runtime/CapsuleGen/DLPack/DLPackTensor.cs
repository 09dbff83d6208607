using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CapsuleGen.DLPack;

/// <summary>
/// One tensor's memory and the duty to give it back, held by .NET: either a DLPack tensor another
/// library produced and this process consumed (<see cref="Adopt(DLManagedTensor*)"/>), or .NET memory
/// offered to others (<see cref="FromArray{T}(T[], ReadOnlySpan{long})"/>, <see cref="FromMemory{T}(Memory{T}, ReadOnlySpan{long})"/>,
/// <see cref="FromPointer"/>). The memory is read typed (<see cref="AsSpan{T}"/>, <see cref="AsStridedSpan{T}"/>) after
/// its element type, device and layout are checked against <c>T</c>.
/// </summary>
/// <remarks>
/// The handle and every DLPack tensor exported from it (<see cref="ToManagedTensor"/>) each hold the
/// memory; it is given back exactly once, when the last of them lets go: the adopted tensor's deleter
/// runs, or the .NET memory is unpinned and its owner disposed. <see cref="Dispose"/> lets go on the
/// calling thread; a handle the garbage collector finds undisposed, and an exported tensor's deleter,
/// let go on a thread-pool thread (never the finalizer thread, never inside the consumer's deleter), so
/// that a producer's deleter that takes Python's GIL cannot deadlock. Spans are valid only while
/// the handle is not disposed: as with <see cref="MemoryManager{T}"/>, nothing can check a span kept longer.
/// </remarks>
public sealed unsafe class DLPackTensor : IDisposable
{
    private readonly byte* _data; // as the producer gave it: on a device, an opaque handle that only the offset below may move
    private readonly ulong _byteOffset;
    private readonly byte* _first; // _data + _byteOffset: the first element, for host memory
    private readonly long[] _shape;
    private readonly long[] _strides;
    private readonly nint[] _lengths;
    private readonly nint[] _byteStrides;
    private readonly TensorRelease _release; // counts the holds on the memory: handles, and exports not yet deleted
    private int _disposed;

    private DLPackTensor(byte* data, ulong byteOffset, DLDataType dataType, DLDevice device, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, bool readOnly, DLPackVersion? version, TensorRelease release)
    {
        _data = data;
        _byteOffset = byteOffset;
        _first = data + byteOffset;
        DataType = dataType;
        Device = device;
        IsReadOnly = readOnly;
        Version = version;
        _release = release;
        _shape = shape.ToArray();
        // Pinned: the Python bridge lends these to buffer consumers as Py_buffer's shape and strides.
        _lengths = GC.AllocateArray<nint>(_shape.Length, pinned: true);
        _byteStrides = GC.AllocateArray<nint>(_shape.Length, pinned: true);
        try
        {
            _strides = strides.IsEmpty && !shape.IsEmpty ? RowMajorStrides(shape) : strides.ToArray();
            for (int i = 0; i < _shape.Length; i++)
            {
                _lengths[i] = checked((nint)_shape[i]);
                _byteStrides[i] = checked((nint)(_strides[i] * dataType.ByteSize));
            }
        }
        catch (OverflowException)
        {
            // A handle never made holds nothing: its finalizer must not give back what the caller still owns.
            GC.SuppressFinalize(this);
            throw;
        }
    }

    /// <summary>Another handle to <paramref name="source"/>'s memory, whose hold the caller has already added.</summary>
    private DLPackTensor(DLPackTensor source)
    {
        _data = source._data;
        _byteOffset = source._byteOffset;
        _first = source._first;
        DataType = source.DataType;
        Device = source.Device;
        IsReadOnly = source.IsReadOnly;
        Version = source.Version;
        _release = source._release;
        _shape = source._shape;
        _strides = source._strides;
        _lengths = source._lengths;
        _byteStrides = source._byteStrides;
    }

    /// <summary>The type of one element.</summary>
    public DLDataType DataType { get; }

    /// <summary>Where the memory lives; only host memory can be read as a span.</summary>
    public DLDevice Device { get; }

    /// <summary>The number of dimensions: zero for a scalar.</summary>
    public int Rank => _shape.Length;

    /// <summary>The length of each dimension.</summary>
    public ReadOnlySpan<long> Shape => _shape;

    /// <summary>The distance between neighbours along each dimension, in elements (DLPack's unit).</summary>
    public ReadOnlySpan<long> Strides => _strides;

    /// <summary>How many elements the tensor holds: the product of its lengths (one for a scalar).</summary>
    public long ElementCount => StridedIndexing.Count(_lengths);

    /// <summary>Whether the elements lie one after another in row-major order, so a span can read them.</summary>
    public bool IsContiguous => StridedIndexing.IsContiguous(_lengths, _byteStrides, DataType.ByteSize);

    /// <summary>Whether the producer forbade writes (a versioned tensor's read-only flag, or read-only .NET memory).</summary>
    public bool IsReadOnly { get; }

    /// <summary>The DLPack version of a versioned tensor this handle adopted; null for a legacy one and for .NET memory.</summary>
    public DLPackVersion? Version { get; }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Takes ownership of a consumed legacy DLPack tensor: its deleter runs exactly once, when this
    /// handle and every tensor exported from it are done. Ownership passes even when this throws (a
    /// tensor that makes no sense): the deleter has then run already.
    /// </summary>
    public static DLPackTensor Adopt(DLManagedTensor* managed)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var release = TensorRelease.Deleter((nint)managed, versioned: false);
        return Describe(&managed->Tensor, readOnly: false, version: null, release);
    }

    /// <summary>
    /// Takes ownership of a consumed DLPack 1.x tensor (see <see cref="Adopt(DLManagedTensor*)"/>). A major
    /// version other than 1 is refused after its deleter ran, as the DLPack specification asks; the
    /// read-only flag is kept.
    /// </summary>
    public static DLPackTensor Adopt(DLManagedTensorVersioned* managed)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var release = TensorRelease.Deleter((nint)managed, versioned: true);
        DLPackVersion version = managed->Version;
        if (version.Major != DLPackVersion.Current.Major)
        {
            release.Run();
            throw new NotSupportedException($"The DLPack tensor is version {version}; this library reads version {DLPackVersion.Current.Major}.x. Its deleter has run.");
        }

        return Describe(&managed->Tensor, (managed->Flags & DLPackFlags.ReadOnly) != 0, version, release);
    }

    /// <summary>A .NET array as a one-dimensional tensor, pinned until the handle and every exported tensor are done.</summary>
    public static DLPackTensor FromArray<T>(T[] array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        return Pin(array.AsMemory(), [array.Length], readOnly: false);
    }

    /// <summary>
    /// A .NET array as a row-major tensor of <paramref name="shape"/>, which must hold exactly the array's
    /// elements (no lengths: a scalar, of an array of one). Pinned until the handle and every export are done.
    /// </summary>
    public static DLPackTensor FromArray<T>(T[] array, params ReadOnlySpan<long> shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        return Pin(array.AsMemory(), shape, readOnly: false);
    }

    /// <summary>Writable .NET memory as a one-dimensional tensor; pinned while held.</summary>
    public static DLPackTensor FromMemory<T>(Memory<T> memory) where T : unmanaged => Pin(memory, [memory.Length], readOnly: false);

    /// <summary>Writable .NET memory as a row-major tensor of <paramref name="shape"/>; pinned while held.</summary>
    public static DLPackTensor FromMemory<T>(Memory<T> memory, params ReadOnlySpan<long> shape) where T : unmanaged => Pin(memory, shape, readOnly: false);

    /// <summary>
    /// Read-only .NET memory as a one-dimensional tensor: a versioned consumer sees the read-only flag, the
    /// buffer protocol a read-only buffer; a legacy DLPack consumer cannot be told (legacy DLPack has no such
    /// flag), so export it only to readers.
    /// </summary>
    public static DLPackTensor FromMemory<T>(ReadOnlyMemory<T> memory) where T : unmanaged =>
        Pin(MemoryMarshal.AsMemory(memory), [memory.Length], readOnly: true);

    /// <summary>Read-only .NET memory as a row-major tensor of <paramref name="shape"/> (see <see cref="FromMemory{T}(ReadOnlyMemory{T})"/>).</summary>
    public static DLPackTensor FromMemory<T>(ReadOnlyMemory<T> memory, params ReadOnlySpan<long> shape) where T : unmanaged =>
        Pin(MemoryMarshal.AsMemory(memory), shape, readOnly: true);

    /// <summary>
    /// Native memory at <paramref name="data"/> as a tensor. <paramref name="strides"/> counts elements
    /// (empty: row-major); <paramref name="owner"/>, if given, is disposed once when the memory is no longer
    /// needed, on a thread-pool thread if an exported tensor's deleter was last.
    /// </summary>
    public static DLPackTensor FromPointer(void* data, DLDataType dataType, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, IDisposable? owner, bool readOnly = false)
    {
        CheckShape(shape, strides);
        if (data == null && Count(shape) != 0)
        {
            throw new ArgumentNullException(nameof(data), "A tensor with elements needs memory.");
        }

        return new DLPackTensor((byte*)data, 0, dataType, DLDevice.Cpu, shape, strides, readOnly, version: null, TensorRelease.Owned(owner, default, pinRunsForeignCode: false));
    }

    /// <summary>
    /// The memory as one span of <typeparamref name="T"/>, for a contiguous host tensor of exactly that
    /// element type that may be written; anything else throws, naming what was expected and found.
    /// </summary>
    public Span<T> AsSpan<T>() where T : unmanaged => Checked<T>(writable: true, contiguous: true).AsSpan<T>();

    /// <summary>The memory as one read-only span of <typeparamref name="T"/>, for a contiguous host tensor of that element type.</summary>
    public ReadOnlySpan<T> AsReadOnlySpan<T>() where T : unmanaged => Checked<T>(writable: false, contiguous: true).AsSpan<T>();

    /// <summary>The memory as a writable n-dimensional view through its strides, for a host tensor of <typeparamref name="T"/>.</summary>
    public StridedSpan<T> AsStridedSpan<T>() where T : unmanaged => Checked<T>(writable: true, contiguous: false).AsStridedSpan<T>();

    /// <summary>The memory as a read-only n-dimensional view through its strides.</summary>
    public ReadOnlyStridedSpan<T> AsReadOnlyStridedSpan<T>() where T : unmanaged => Checked<T>(writable: false, contiguous: false).AsStridedSpan<T>();

    /// <summary>
    /// A new legacy DLPack tensor (for a <c>"dltensor"</c> capsule) over the same memory, which holds it
    /// until its consumer calls the deleter, exactly once. The caller owns the result.
    /// </summary>
    public DLManagedTensor* ToManagedTensor()
    {
        var block = (DLManagedTensor*)AllocateExport(sizeof(DLManagedTensor), out long* shape, out long* strides);
        block->Tensor = Exported(shape, strides);
        block->ManagerContext = (void*)GCHandle.ToIntPtr(GCHandle.Alloc(this));
        block->Deleter = &DeleteExported;
        return block;
    }

    /// <summary>
    /// A new DLPack 1.0 tensor (for a <c>"dltensor_versioned"</c> capsule) over the same memory, flagged
    /// read-only if this one is. The caller owns the result and calls its deleter exactly once.
    /// </summary>
    public DLManagedTensorVersioned* ToManagedTensorVersioned()
    {
        var block = (DLManagedTensorVersioned*)AllocateExport(sizeof(DLManagedTensorVersioned), out long* shape, out long* strides);
        block->Version = DLPackVersion.Current;
        block->Flags = IsReadOnly ? DLPackFlags.ReadOnly : DLPackFlags.None;
        block->Tensor = Exported(shape, strides);
        block->ManagerContext = (void*)GCHandle.ToIntPtr(GCHandle.Alloc(this));
        block->Deleter = &DeleteExportedVersioned;
        return block;
    }

    /// <summary>
    /// Lets go of the handle's hold on the memory, on this thread: if no exported tensor holds it, it is
    /// given back now (a producer's deleter's exception reaches the caller). A second call does nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            GC.SuppressFinalize(this);
            Release(deferred: false);
        }
    }

    /// <summary>
    /// A new handle to the same memory, holding it as an export does: the memory goes when every
    /// handle and export is done. Internal: the Python bridge's objects hold tensors this way.
    /// </summary>
    internal DLPackTensor Share()
    {
        AddHold();
        return new DLPackTensor(this);
    }

    /// <summary>
    /// Dispose for a caller that must not run foreign code (CPython's deallocation of the object that
    /// held the handle): the memory, if this was the last hold, is given back on a thread-pool thread.
    /// </summary>
    internal void DisposeDeferred()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            GC.SuppressFinalize(this);
            Release(deferred: true);
        }
    }

    /// <summary>As NumPy describes an array: <c>float64 tensor of shape (3, 4) on cpu</c>.</summary>
    public override string ToString() =>
        $"{DataType} tensor of shape {TensorLayout.Describe(_lengths)} on {Device}{(IsReadOnly ? ", read-only" : string.Empty)}{(IsDisposed ? ", disposed" : string.Empty)}";

    /// <summary>The first element's address (the data pointer plus any byte offset).</summary>
    internal byte* First => _first;

    /// <summary>The lengths and byte strides, in arrays pinned for the handle's life (what <c>Py_buffer</c> points at).</summary>
    internal nint* PinnedLengths => (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_lengths));

    /// <inheritdoc cref="PinnedLengths"/>
    internal nint* PinnedByteStrides => (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_byteStrides));

    /// <summary>The memory as the checks see it; the same layout the Python bridge reads a buffer argument with.</summary>
    internal TensorLayout Layout => new(_first, DataType, Device, _lengths, _byteStrides, IsReadOnly);

    /// <summary>A handle no one disposed lets go of the memory on a thread-pool thread.</summary>
    ~DLPackTensor()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release(deferred: true);
        }
    }

    private TensorLayout Checked<T>(bool writable, bool contiguous) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        TensorLayout layout = Layout;
        TensorMismatch? mismatch = layout.Check<T>(writable, contiguous);
        return mismatch is { } found ? throw found.ToException($"The {this}") : layout;
    }

    private static DLPackTensor Describe(DLTensor* tensor, bool readOnly, DLPackVersion? version, TensorRelease release)
    {
        try
        {
            if (tensor->Ndim < 0 || (tensor->Ndim > 0 && tensor->Shape == null))
            {
                throw new ArgumentException($"The DLPack tensor has {tensor->Ndim} dimensions and {(tensor->Shape == null ? "no" : "a")} shape.");
            }

            var shape = new ReadOnlySpan<long>(tensor->Shape, tensor->Ndim);
            var strides = tensor->Strides == null ? default : new ReadOnlySpan<long>(tensor->Strides, tensor->Ndim);
            CheckShape(shape, strides);
            if (tensor->Data == null && Count(shape) != 0)
            {
                // As FromPointer refuses it: a span over it would read from address zero plus the offset.
                throw new ArgumentException($"The DLPack tensor has {Count(shape)} elements and no memory.");
            }

            if (tensor->DataType.Lanes == 0 || tensor->DataType.Bits == 0)
            {
                throw new ArgumentException($"The DLPack tensor's data type has {tensor->DataType.Bits} bits and {tensor->DataType.Lanes} lanes.");
            }

            return new DLPackTensor((byte*)tensor->Data, tensor->ByteOffset, tensor->DataType, tensor->Device, shape, strides, readOnly, version, release);
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException)
        {
            release.Run();
            throw new ArgumentException(exception.Message + " Its deleter has run.", exception);
        }
    }

    private static void CheckShape(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        if (!strides.IsEmpty && strides.Length != shape.Length)
        {
            throw new ArgumentException($"The shape has {shape.Length} dimensions and the strides {strides.Length}.");
        }

        foreach (long length in shape)
        {
            if (length < 0)
            {
                throw new ArgumentException($"The shape {Format(shape)} has a negative length.");
            }
        }

        _ = Count(shape); // throws OverflowException if the element count does not fit
    }

    private static long Count(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (long length in shape)
        {
            count = checked(count * length);
        }

        return count;
    }

    private static DLPackTensor Pin<T>(Memory<T> memory, ReadOnlySpan<long> shape, bool readOnly) where T : unmanaged
    {
        DLDataType dataType = DLDataType.Require<T>();
        CheckShape(shape, default);
        if (Count(shape) != memory.Length)
        {
            throw new ArgumentException($"The shape {Format(shape)} holds {Count(shape)} elements; the memory holds {memory.Length}.", nameof(shape));
        }

        MemoryHandle pin = memory.Pin();
        try
        {
            // An array's pin is the runtime's; a MemoryManager's Unpin is its author's code, run where foreign code may run.
            bool managerUnpins = !MemoryMarshal.TryGetArray<T>(memory, out _);
            return new DLPackTensor((byte*)pin.Pointer, 0, dataType, DLDevice.Cpu, shape, default, readOnly, version: null, TensorRelease.Owned(owner: null, pin, managerUnpins));
        }
        catch (OverflowException)
        {
            pin.Dispose(); // no handle holds it, and none will release it
            throw;
        }
    }

    private static long[] RowMajorStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride = checked(stride * Math.Max(shape[i], 1));
        }

        return strides;
    }

    private static string Format(ReadOnlySpan<long> shape) =>
        "(" + string.Join(", ", shape.ToArray().Select(length => length.ToString(CultureInfo.InvariantCulture))) + (shape.Length == 1 ? ",)" : ")");

    /// <summary>One block for the managed tensor and its shape and strides, freed by the deleter; adds a hold on the memory for it.</summary>
    private void* AllocateExport(int headerSize, out long* shape, out long* strides)
    {
        AddHold();
        byte* block = (byte*)NativeMemory.AllocZeroed((nuint)(headerSize + (2 * Rank * sizeof(long))));
        shape = (long*)(block + headerSize);
        strides = shape + Rank;
        _shape.CopyTo(new Span<long>(shape, Rank));
        _strides.CopyTo(new Span<long>(strides, Rank));
        return block;
    }

    private DLTensor Exported(long* shape, long* strides) => new()
    {
        Data = _data,
        Device = Device,
        Ndim = Rank,
        DataType = DataType,
        Shape = Rank == 0 ? null : shape,
        Strides = Rank == 0 ? null : strides,
        ByteOffset = _byteOffset,
    };

    /// <summary>Adds a hold on the memory for an export or another handle; only a live handle can.</summary>
    private void AddHold()
    {
        ObjectDisposedException.ThrowIf(IsDisposed || !_release.TryAddHold(), this);
    }

    private void Release(bool deferred)
    {
        if (!_release.DropHold())
        {
            return;
        }

        if (deferred && _release.RunsForeignCode)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static release => release.RunRecorded(), _release, preferLocal: false);
        }
        else if (deferred)
        {
            _release.RunRecorded();
        }
        else
        {
            _release.Run();
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void DeleteExported(DLManagedTensor* managed) => DeleteExport(managed, (nint)managed->ManagerContext);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void DeleteExportedVersioned(DLManagedTensorVersioned* managed) => DeleteExport(managed, (nint)managed->ManagerContext);

    private static void DeleteExport(void* block, nint context)
    {
        try
        {
            GCHandle handle = GCHandle.FromIntPtr(context);
            var tensor = (DLPackTensor)handle.Target!;
            handle.Free();
            NativeMemory.Free(block);
            tensor.Release(deferred: true);
        }
        catch (Exception exception)
        {
            CapsuleBoundary.Record("dltensor", "an exported DLPack tensor's deleter", exception);
        }
    }
}
