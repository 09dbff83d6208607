using System.Diagnostics;
using System.Runtime.InteropServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Integration.Tests;

/// <summary>
/// DLPack 1.0 versioned tensors crossing between C# and a real C producer and consumer
/// (native/dlpack_versioned.c), which declares the ABI itself: layouts agree, values and writes are
/// seen on both sides, and each deleter runs exactly once.
/// </summary>
/// <remarks>The C producer's deletion counter is global: the tests that read it are all in this class, which runs its tests one at a time.</remarks>
public sealed class DLPackInteropTests
{
    private const int Written = 0;
    private const int ReadOnlyNotWritten = 1;
    private const int RefusedVersion = -1;
    private static readonly float[] Produced = [0, 1, 2, 3, 4, 5];

    [Fact]
    public unsafe void The_C_layout_of_a_versioned_tensor_is_the_CSharp_one()
    {
        long[] c = new long[8];
        fixed (long* values = c)
        {
            Assert.Equal(c.Length, NativeDLPack.Layout(values, c.Length));
        }

        DLManagedTensorVersioned managed = default;
        byte* start = (byte*)&managed;
        long[] csharp =
        [
            sizeof(DLTensor),
            sizeof(DLManagedTensorVersioned),
            (byte*)&managed.ManagerContext - start,
            (byte*)&managed.Deleter - start,
            (byte*)&managed.Flags - start,
            (byte*)&managed.Tensor - start,
            (byte*)&managed.Tensor.DataType - (byte*)&managed.Tensor,
            (byte*)&managed.Tensor.ByteOffset - (byte*)&managed.Tensor,
        ];

        Assert.Equal(c, csharp);
        Assert.Equal(80, sizeof(DLManagedTensorVersioned));
    }

    [Theory]
    [InlineData(false, 0UL)]
    [InlineData(true, 0UL)]
    [InlineData(false, 3UL)]
    [InlineData(true, 3UL)]
    public unsafe void A_C_tensor_is_read_and_written_in_place_by_CSharp_and_deleted_once_on_Dispose(bool withStrides, ulong leading)
    {
        long deletedBefore = NativeDLPack.ProducedDeleted();
        DLManagedTensorVersioned* produced = NativeDLPack.Produce(1, 0, withStrides ? 1 : 0, leading);
        Assert.True(produced != null);

        var tensor = DLPackTensor.Adopt(produced);
        Assert.Equal(new DLPackVersion(1, 0), tensor.Version);
        Assert.Equal(new DLDataType(DLDataTypeCode.Float, 32), tensor.DataType);
        Assert.Equal([2L, 3L], tensor.Shape.ToArray());
        Assert.Equal([3L, 1L], tensor.Strides.ToArray());
        Assert.False(tensor.IsReadOnly);
        Assert.Equal(Produced, tensor.AsReadOnlySpan<float>().ToArray());
        Assert.Equal(5f, tensor.AsReadOnlyStridedSpan<float>()[1, 2]);

        Span<float> span = tensor.AsSpan<float>();
        span[4] = 40;
        tensor.AsStridedSpan<float>()[0, 2] = 20;
        Assert.Equal(40f, NativeDLPack.ReadFloat(produced, 1, 1));
        Assert.Equal(20f, NativeDLPack.ReadFloat(produced, 0, 2));
        Assert.Equal(0f, NativeDLPack.ReadFloat(produced, 0, 0));
        Assert.Equal(deletedBefore, NativeDLPack.ProducedDeleted());

        tensor.Dispose();
        Assert.Equal(deletedBefore + 1, NativeDLPack.ProducedDeleted());
        tensor.Dispose();
        Assert.Equal(deletedBefore + 1, NativeDLPack.ProducedDeleted());
    }

    [Fact]
    public unsafe void A_read_only_C_tensor_is_read_only_in_CSharp()
    {
        long deletedBefore = NativeDLPack.ProducedDeleted();
        using (var tensor = DLPackTensor.Adopt(NativeDLPack.Produce(1, (ulong)DLPackFlags.ReadOnly, 1, 0)))
        {
            Assert.True(tensor.IsReadOnly);
            Assert.Throws<InvalidOperationException>(() => { tensor.AsSpan<float>(); });
            Assert.Equal(Produced, tensor.AsReadOnlySpan<float>().ToArray());
        }

        Assert.Equal(deletedBefore + 1, NativeDLPack.ProducedDeleted());
    }

    [Fact]
    public unsafe void A_C_tensor_of_another_major_version_is_refused_after_its_deleter_ran()
    {
        long deletedBefore = NativeDLPack.ProducedDeleted();

        Assert.Throws<NotSupportedException>(() => DLPackTensor.Adopt(NativeDLPack.Produce(2, 0, 1, 0)));

        Assert.Equal(deletedBefore + 1, NativeDLPack.ProducedDeleted());
    }

    [Fact]
    public unsafe void A_CSharp_array_is_summed_and_written_by_the_C_consumer()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromArray(array, 2, 3);

        int result = NativeDLPack.Consume(tensor.ToManagedTensorVersioned(), 42, out double sum);

        Assert.Equal(Written, result);
        Assert.Equal(15, sum);
        Assert.Equal([42.0, 1, 2, 3, 4, 5], array);
        Assert.Equal(42, tensor.AsReadOnlySpan<double>()[0]);
    }

    [Fact]
    public unsafe void The_C_consumer_follows_negative_strides_of_a_CSharp_tensor()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        var pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            // a[::-1, ::-1]: its first element is the array's last.
            double* last = (double*)pin.AddrOfPinnedObject() + 5;
            using var rotated = DLPackTensor.FromPointer(last, new DLDataType(DLDataTypeCode.Float, 64), [2, 3], [-3, -1], owner: null);

            int result = NativeDLPack.Consume(rotated.ToManagedTensorVersioned(), -7, out double sum);

            Assert.Equal(Written, result);
            Assert.Equal(15, sum);
            Assert.Equal([0.0, 1, 2, 3, 4, -7], array);
        }
        finally
        {
            pin.Free();
        }
    }

    [Fact]
    public async Task The_C_consumers_deleter_unpins_the_array_once_the_handle_is_disposed()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        var pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        var owner = new PinOwner(pin);

        int result = ConsumeAfterDispose(pin, owner, out double sum);

        Assert.Equal(Written, result);
        Assert.Equal(15, sum);
        Assert.Equal(-1, array[0]);
        // The C deleter was the last to let go: the release runs on the thread pool.
        var clock = Stopwatch.StartNew();
        while (owner.Disposals == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, owner.Disposals);
        Assert.False(owner.StillPinned);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public unsafe void The_C_consumer_sees_the_read_only_flag_and_does_not_write()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromMemory((ReadOnlyMemory<double>)array, 3, 2);

        int result = NativeDLPack.Consume(tensor.ToManagedTensorVersioned(), 42, out double sum);

        Assert.Equal(ReadOnlyNotWritten, result);
        Assert.Equal(15, sum);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], array);
    }

    [Fact]
    public unsafe void A_C_tensor_adopted_and_exported_again_reaches_the_C_consumer_and_is_deleted_once()
    {
        long deletedBefore = NativeDLPack.ProducedDeleted();
        var tensor = DLPackTensor.Adopt(NativeDLPack.Produce(1, 0, 0, 2));
        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        tensor.Dispose();
        Assert.Equal(deletedBefore, NativeDLPack.ProducedDeleted()); // the export still holds it

        int result = NativeDLPack.Consume(exported, 10, out double sum);

        Assert.Equal(Written, result);
        Assert.Equal(15, sum); // the C producer's byte offset, folded into the export's data pointer
        var clock = Stopwatch.StartNew();
        while (NativeDLPack.ProducedDeleted() == deletedBefore && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(10);
        }

        Assert.Equal(deletedBefore + 1, NativeDLPack.ProducedDeleted());
    }

    [Fact]
    public unsafe void The_C_consumer_refuses_another_major_version_but_still_calls_the_deleter()
    {
        var owner = new PinOwner(default); // pins nothing itself: only counts
        double[] value = [1];
        var pin = GCHandle.Alloc(value, GCHandleType.Pinned);
        try
        {
            var tensor = DLPackTensor.FromPointer((void*)pin.AddrOfPinnedObject(), new DLDataType(DLDataTypeCode.Float, 64), [1], [], owner);
            DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
            exported->Version = new DLPackVersion(2, 0);
            tensor.Dispose();

            Assert.Equal(RefusedVersion, NativeDLPack.Consume(exported, 0, out _));
            SpinWait.SpinUntil(() => owner.Disposals > 0, TimeSpan.FromSeconds(10));
            Assert.Equal(1, owner.Disposals);
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>Exports a pinned array to the C consumer after the handle is disposed, so the C deleter is the last holder.</summary>
    private static unsafe int ConsumeAfterDispose(GCHandle pin, PinOwner owner, out double sum)
    {
        var tensor = DLPackTensor.FromPointer((void*)pin.AddrOfPinnedObject(), new DLDataType(DLDataTypeCode.Float, 64), [2, 3], [], owner);
        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        tensor.Dispose();
        Assert.Equal(0, owner.Disposals);
        return NativeDLPack.Consume(exported, -1, out sum);
    }

    /// <summary>Unpins an array when the tensor over it is given back, and counts how often that happens.</summary>
    private sealed class PinOwner(GCHandle pin) : IDisposable
    {
        private int _disposals;

        public int Disposals => Volatile.Read(ref _disposals);

        public bool StillPinned => pin.IsAllocated;

        public void Dispose()
        {
            if (pin.IsAllocated)
            {
                pin.Free();
            }

            Interlocked.Increment(ref _disposals);
        }
    }
}

/// <summary>The DLPack producer and consumer in the C library built with these tests.</summary>
internal static unsafe partial class NativeDLPack
{
    private const string Library = "capsuletests";

    [LibraryImport(Library, EntryPoint = "dlpack_tests_layout")]
    public static partial int Layout(long* values, int count);

    [LibraryImport(Library, EntryPoint = "dlpack_tests_produce")]
    public static partial DLManagedTensorVersioned* Produce(uint major, ulong flags, int withStrides, ulong leading);

    [LibraryImport(Library, EntryPoint = "dlpack_tests_produced_deleted")]
    public static partial long ProducedDeleted();

    [LibraryImport(Library, EntryPoint = "dlpack_tests_read_float")]
    public static partial float ReadFloat(DLManagedTensorVersioned* tensor, long row, long column);

    [LibraryImport(Library, EntryPoint = "dlpack_tests_consume")]
    public static partial int Consume(DLManagedTensorVersioned* tensor, double value, out double sum);
}
