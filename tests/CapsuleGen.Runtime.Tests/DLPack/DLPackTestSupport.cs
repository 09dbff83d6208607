using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>An owner for <see cref="DLPackTensor.FromPointer"/> that counts its disposals and says on which thread the last one ran.</summary>
internal sealed class CountingOwner(Action? onDispose = null) : IDisposable
{
    private int _disposals;
    private int _threadId;
    private int _onThreadPool;

    public int Disposals => Volatile.Read(ref _disposals);

    public int ThreadId => Volatile.Read(ref _threadId);

    public bool OnThreadPool => Volatile.Read(ref _onThreadPool) != 0;

    public void Dispose()
    {
        // The thread is recorded before the count, so that a reader who sees the count sees the thread.
        Volatile.Write(ref _threadId, Environment.CurrentManagedThreadId);
        Volatile.Write(ref _onThreadPool, Thread.CurrentThread.IsThreadPoolThread ? 1 : 0);
        onDispose?.Invoke();
        Interlocked.Increment(ref _disposals);
    }
}

/// <summary>Bounded waits for what the library does on the thread pool or after a collection.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> for up to ten seconds, collecting garbage between tries if asked.</summary>
    public static async Task<bool> Holds(Func<bool> condition, bool collect = false)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit)
            {
                return false;
            }

            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return true;
    }

    /// <summary>The id of the thread that runs finalizers, found by finalizing an object made for it.</summary>
    public static int FinalizerThreadId()
    {
        FinalizerProbe.Drop();
        for (int attempt = 0; attempt < 100 && Volatile.Read(ref FinalizerProbe.ThreadId) == 0; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        int id = Volatile.Read(ref FinalizerProbe.ThreadId);
        Assert.NotEqual(0, id);
        return id;
    }

    private sealed class FinalizerProbe
    {
        public static int ThreadId;

        ~FinalizerProbe() => Volatile.Write(ref ThreadId, Environment.CurrentManagedThreadId);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Drop() => _ = new FinalizerProbe();
    }
}

/// <summary>Arrays on the pinned heap, so tests can hand their addresses to <see cref="DLPackTensor.FromPointer"/>.</summary>
internal static unsafe class Pinned
{
    // A tensor over a raw pointer does not keep the array alive; these few small arrays live as long as the tests.
    private static readonly System.Collections.Concurrent.ConcurrentBag<object> Kept = [];

    public static T[] Array<T>(params T[] values) where T : unmanaged
    {
        T[] array = GC.AllocateUninitializedArray<T>(values.Length, pinned: true);
        values.CopyTo(array, 0);
        Kept.Add(array);
        return array;
    }

    public static T* Address<T>(T[] array, int index = 0) where T : unmanaged =>
        (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) + index;
}

/// <summary>What a test deleter saw: how often it ran and on which kind of thread, in native memory its context points to.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeleterRecord
{
    public int Calls;
    public int OnThreadPool;
    public int ThreadId;
}

/// <summary>
/// A DLPack tensor as a foreign producer would make one, all in native memory: a float64 tensor with
/// both a legacy and a versioned header over the same data, whose deleters only count (the memory is
/// freed by <see cref="Dispose"/>, so tests can read the count after the deleter ran).
/// </summary>
internal sealed unsafe class NativeTensor : IDisposable
{
    private readonly DeleterRecord* _record;
    private readonly long* _shape;
    private readonly long* _strides;

    public NativeTensor(double[] values, long[] shape, long[]? strides = null, int leadingElements = 0, DLPackFlags flags = DLPackFlags.None)
    {
        _record = (DeleterRecord*)NativeMemory.AllocZeroed((nuint)sizeof(DeleterRecord));
        Data = (double*)NativeMemory.AllocZeroed((nuint)((leadingElements + values.Length + 1) * sizeof(double)));
        new Span<double>(Data, leadingElements).Fill(-1); // what a reader that ignores the byte offset would see
        values.CopyTo(new Span<double>(Data + leadingElements, values.Length));
        _shape = (long*)NativeMemory.AllocZeroed((nuint)((shape.Length + 1) * sizeof(long)));
        shape.CopyTo(new Span<long>(_shape, shape.Length));
        if (strides is not null)
        {
            _strides = (long*)NativeMemory.AllocZeroed((nuint)((strides.Length + 1) * sizeof(long)));
            strides.CopyTo(new Span<long>(_strides, strides.Length));
        }

        var tensor = new DLTensor
        {
            Data = Data,
            Device = DLDevice.Cpu,
            Ndim = shape.Length,
            DataType = new DLDataType(DLDataTypeCode.Float, 64),
            Shape = _shape,
            Strides = _strides,
            ByteOffset = (ulong)(leadingElements * sizeof(double)),
        };

        Legacy = (DLManagedTensor*)NativeMemory.AllocZeroed((nuint)sizeof(DLManagedTensor));
        Legacy->Tensor = tensor;
        Legacy->ManagerContext = _record;
        Legacy->Deleter = &CountLegacy;

        Versioned = (DLManagedTensorVersioned*)NativeMemory.AllocZeroed((nuint)sizeof(DLManagedTensorVersioned));
        Versioned->Version = DLPackVersion.Current;
        Versioned->Flags = flags;
        Versioned->Tensor = tensor;
        Versioned->ManagerContext = _record;
        Versioned->Deleter = &CountVersioned;
    }

    public double* Data { get; }

    public DLManagedTensor* Legacy { get; }

    public DLManagedTensorVersioned* Versioned { get; }

    /// <summary>How many times either deleter ran.</summary>
    public int Deletions => Volatile.Read(ref _record->Calls);

    /// <summary>Whether the last deleter call was on a thread-pool thread.</summary>
    public bool DeletedOnThreadPool => Volatile.Read(ref _record->OnThreadPool) != 0;

    /// <summary>The managed thread the last deleter call was on.</summary>
    public int DeleterThreadId => Volatile.Read(ref _record->ThreadId);

    public void Dispose()
    {
        NativeMemory.Free(Versioned);
        NativeMemory.Free(Legacy);
        NativeMemory.Free(_strides);
        NativeMemory.Free(_shape);
        NativeMemory.Free(Data);
        NativeMemory.Free(_record);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CountLegacy(DLManagedTensor* managed) => Count((DeleterRecord*)managed->ManagerContext);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CountVersioned(DLManagedTensorVersioned* managed) => Count((DeleterRecord*)managed->ManagerContext);

    private static void Count(DeleterRecord* record)
    {
        Volatile.Write(ref record->OnThreadPool, Thread.CurrentThread.IsThreadPoolThread ? 1 : 0);
        Volatile.Write(ref record->ThreadId, Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref record->Calls);
    }
}
