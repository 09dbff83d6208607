using System.Runtime.CompilerServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>
/// A handle no one disposed gives the memory back once the garbage collector finds it, on a
/// thread-pool thread: never on the finalizer thread, where a deleter that takes a lock could deadlock.
/// </summary>
public sealed class DLPackTensorFinalizerTests
{
    private static readonly DLDataType Float64 = new(DLDataTypeCode.Float, 64);

    [Fact]
    public async Task An_undisposed_handle_disposes_its_owner_once_on_the_thread_pool()
    {
        int finalizerThread = Eventually.FinalizerThreadId();
        var owner = new CountingOwner();
        WeakReference handle = CreateAndDrop(owner);

        Assert.True(await Eventually.Holds(() => owner.Disposals > 0, collect: true), "The owner of an unreachable handle was never disposed.");

        Assert.False(handle.IsAlive);
        Assert.True(owner.OnThreadPool);
        Assert.NotEqual(finalizerThread, owner.ThreadId);
        await SettleAsync();
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public async Task An_undisposed_adopted_tensor_has_its_deleter_called_once_on_the_thread_pool()
    {
        int finalizerThread = Eventually.FinalizerThreadId();
        using var native = new NativeTensor([1, 2, 3], [3]);
        AdoptAndDrop(native);

        Assert.True(await Eventually.Holds(() => native.Deletions > 0, collect: true), "The deleter of an unreachable adopted tensor never ran.");

        Assert.True(native.DeletedOnThreadPool);
        Assert.NotEqual(finalizerThread, native.DeleterThreadId);
        await SettleAsync();
        Assert.Equal(1, native.Deletions);
    }

    [Fact]
    public async Task An_undisposed_handle_with_an_export_outstanding_waits_for_the_exports_deleter()
    {
        var owner = new CountingOwner();
        nint exported = ExportAndDrop(owner);

        // The export holds the handle: collections do not give the memory back under it.
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, owner.Disposals);

        Delete(exported);

        Assert.True(await Eventually.Holds(() => owner.Disposals > 0, collect: true), "The owner was never disposed after the export's deleter ran.");
        Assert.True(owner.OnThreadPool);
        await SettleAsync();
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public async Task A_FromPointer_that_throws_leaves_the_owner_to_its_caller()
    {
        var owner = new CountingOwner();

        // Strides whose byte distance does not fit: refused after the handle was allocated.
        Assert.Throws<OverflowException>(() => FromPointerWithStride(owner, long.MaxValue / 4));

        // A finalizer of the half-made handle must not dispose what the caller still owns.
        for (int i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, owner.Disposals);
    }

    [Fact]
    public async Task A_FromPointer_whose_row_major_strides_overflow_leaves_the_owner_to_its_caller()
    {
        var owner = new CountingOwner();

        // No elements (a zero length), but lengths whose row-major strides do not fit a long.
        Assert.Throws<OverflowException>(() => FromPointerWithShape(owner, [0, 1L << 62, 4]));

        await SettleAsync();
        await SettleAsync();
        Assert.Equal(0, owner.Disposals);
    }

    /// <summary>Lets queued releases run, and finalizers that might release twice.</summary>
    private static async Task SettleAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(50, TestContext.Current.CancellationToken);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe WeakReference CreateAndDrop(CountingOwner owner)
    {
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner);
        Assert.Equal(2, tensor.AsReadOnlySpan<double>()[1]);
        return new WeakReference(tensor);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void AdoptAndDrop(NativeTensor native)
    {
        var tensor = DLPackTensor.Adopt(native.Versioned);
        Assert.Equal(3, tensor.AsReadOnlySpan<double>()[2]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe nint ExportAndDrop(CountingOwner owner)
    {
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner);
        return (nint)tensor.ToManagedTensorVersioned();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe DLPackTensor FromPointerWithStride(CountingOwner owner, long stride)
    {
        double[] data = Pinned.Array<double>(1, 2);
        return DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2], [stride], owner);
    }

    private static unsafe DLPackTensor FromPointerWithShape(CountingOwner owner, long[] shape) =>
        DLPackTensor.FromPointer(null, Float64, shape, default, owner);

    private static unsafe void Delete(nint exported)
    {
        var managed = (DLManagedTensorVersioned*)exported;
        managed->Deleter(managed);
    }
}
