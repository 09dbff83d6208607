using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>
/// Exported tensors describe the same memory, and hold it: the owner is disposed exactly once, by
/// whichever of the handle and the exports lets go last.
/// </summary>
public sealed class DLPackTensorExportTests
{
    private static readonly DLDataType Float64 = new(DLDataTypeCode.Float, 64);

    [Fact]
    public unsafe void A_versioned_export_describes_the_array_as_DLPack_1_0()
    {
        double[] array = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var tensor = DLPackTensor.FromArray(array, 2, 3);

        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        try
        {
            Assert.Equal(new DLPackVersion(1, 0), exported->Version);
            Assert.Equal(DLPackFlags.None, exported->Flags);
            Assert.True(exported->ManagerContext != null);
            Assert.True(exported->Deleter != null);
            AssertDescribes(&exported->Tensor, Pinned.Address(array), [2, 3], [3, 1]);
        }
        finally
        {
            exported->Deleter(exported);
        }
    }

    [Fact]
    public unsafe void A_legacy_export_describes_the_same_memory()
    {
        double[] array = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var tensor = DLPackTensor.FromArray(array, 3, 2);

        DLManagedTensor* exported = tensor.ToManagedTensor();
        try
        {
            Assert.True(exported->Deleter != null);
            AssertDescribes(&exported->Tensor, Pinned.Address(array), [3, 2], [2, 1]);
        }
        finally
        {
            exported->Deleter(exported);
        }
    }

    [Fact]
    public unsafe void A_read_only_tensor_is_exported_with_the_read_only_flag()
    {
        using var tensor = DLPackTensor.FromMemory((ReadOnlyMemory<double>)new double[4]);

        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        Assert.Equal(DLPackFlags.ReadOnly, exported->Flags);
        exported->Deleter(exported);
    }

    [Fact]
    public unsafe void An_export_keeps_negative_strides_and_the_address_of_the_first_element()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var reversed = DLPackTensor.FromPointer(Pinned.Address(data, 5), Float64, [2, 3], [-3, -1], owner: null);

        DLManagedTensorVersioned* exported = reversed.ToManagedTensorVersioned();
        AssertDescribes(&exported->Tensor, Pinned.Address(data, 5), [2, 3], [-3, -1]);
        exported->Deleter(exported);
    }

    [Fact]
    public unsafe void A_scalar_is_exported_with_no_shape_and_no_strides()
    {
        double[] value = Pinned.Array(2.5);
        using var scalar = DLPackTensor.FromPointer(Pinned.Address(value), Float64, [], [], owner: null);

        DLManagedTensorVersioned* exported = scalar.ToManagedTensorVersioned();
        Assert.Equal(0, exported->Tensor.Ndim);
        Assert.True(exported->Tensor.Shape == null);
        Assert.True(exported->Tensor.Strides == null);
        Assert.Equal(2.5, *(double*)exported->Tensor.Data);
        exported->Deleter(exported);
    }

    [Fact]
    public unsafe void Dispose_without_exports_disposes_the_owner_once_on_the_calling_thread()
    {
        var owner = new CountingOwner();
        double[] data = Pinned.Array<double>(1, 2);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2], [], owner);

        Assert.Equal(0, owner.Disposals);
        tensor.Dispose();
        tensor.Dispose();

        Assert.Equal(1, owner.Disposals);
        Assert.Equal(Environment.CurrentManagedThreadId, owner.ThreadId);
    }

    [Fact]
    public unsafe void An_owners_exception_reaches_the_caller_of_the_last_Dispose()
    {
        double[] data = Pinned.Array<double>(1, 2);
        int calls = 0;
        var owner = new CountingOwner(() =>
        {
            calls++;
            throw new InvalidOperationException("owner failed");
        });
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2], [], owner);

        var error = Assert.Throws<InvalidOperationException>(tensor.Dispose);

        Assert.Equal("owner failed", error.Message);
        tensor.Dispose(); // a second Dispose neither throws nor disposes again
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_legacy_export_outstanding_keeps_the_owner_until_its_deleter_runs()
    {
        var owner = new CountingOwner();
        nint exported = ExportLegacyThenDispose(owner);
        Assert.Equal(0, owner.Disposals);

        DeleteLegacy(exported);

        Assert.True(await Eventually.Holds(() => owner.Disposals > 0), "The owner was not disposed after the deleter ran.");
        Assert.True(owner.OnThreadPool); // a deleter's release is queued, never run inside the consumer's call
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public async Task A_versioned_export_outstanding_keeps_the_owner_until_its_deleter_runs()
    {
        var owner = new CountingOwner();
        nint exported = ExportVersionedThenDispose(owner);
        Assert.Equal(0, owner.Disposals);

        DeleteVersioned(exported);

        Assert.True(await Eventually.Holds(() => owner.Disposals > 0), "The owner was not disposed after the deleter ran.");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public unsafe void When_the_exports_are_deleted_first_the_last_Dispose_disposes_the_owner_at_once()
    {
        var owner = new CountingOwner();
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner);
        DLManagedTensor* legacy = tensor.ToManagedTensor();
        DLManagedTensorVersioned* versioned = tensor.ToManagedTensorVersioned();

        legacy->Deleter(legacy);
        versioned->Deleter(versioned);
        Assert.Equal(0, owner.Disposals); // the handle still holds the memory

        tensor.Dispose();
        Assert.Equal(1, owner.Disposals);
        Assert.Equal(Environment.CurrentManagedThreadId, owner.ThreadId);
    }

    [Fact]
    public async Task Many_exports_deleted_from_many_threads_dispose_the_owner_exactly_once()
    {
        const int Exports = 64;
        var owner = new CountingOwner();
        nint[] exports = ExportManyThenDispose(owner, Exports);
        Assert.Equal(0, owner.Disposals);

        using var start = new Barrier(4);
        Task[] deleters = Enumerable.Range(0, 4).Select(thread => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                for (int i = thread; i < Exports; i += 4)
                {
                    if (i % 2 == 0)
                    {
                        DeleteLegacy(exports[i]);
                    }
                    else
                    {
                        DeleteVersioned(exports[i]);
                    }
                }
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(deleters);

        Assert.True(await Eventually.Holds(() => owner.Disposals > 0), "The owner was not disposed after the last deleter ran.");
        Assert.True(owner.OnThreadPool); // the deleters ran on threads of their own; the release was queued
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, owner.Disposals);
    }

    [Fact]
    public unsafe void A_disposed_handle_exports_nothing_even_while_an_export_still_holds_the_memory()
    {
        var owner = new CountingOwner();
        double[] data = Pinned.Array<double>(1, 2);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2], [], owner);
        DLManagedTensor* exported = tensor.ToManagedTensor();

        tensor.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tensor.ToManagedTensor());
        Assert.Throws<ObjectDisposedException>(() => tensor.ToManagedTensorVersioned());
        exported->Deleter(exported);
    }

    private static unsafe nint ExportLegacyThenDispose(CountingOwner owner)
    {
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner);
        DLManagedTensor* exported = tensor.ToManagedTensor();
        tensor.Dispose();
        tensor.Dispose(); // a second Dispose must not give back the export's hold
        return (nint)exported;
    }

    private static unsafe nint ExportVersionedThenDispose(CountingOwner owner)
    {
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner, readOnly: true);
        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        tensor.Dispose();
        Assert.Equal(DLPackFlags.ReadOnly, exported->Flags);
        Assert.Equal(new DLPackVersion(1, 0), exported->Version);
        return (nint)exported;
    }

    /// <summary>Half legacy, half versioned exports of one tensor whose handle is then disposed.</summary>
    private static unsafe nint[] ExportManyThenDispose(CountingOwner owner, int count)
    {
        double[] data = Pinned.Array<double>(1, 2, 3, 4);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2, 2], [], owner);
        var exports = new nint[count];
        for (int i = 0; i < count; i++)
        {
            exports[i] = i % 2 == 0 ? (nint)tensor.ToManagedTensor() : (nint)tensor.ToManagedTensorVersioned();
        }

        tensor.Dispose();
        return exports;
    }

    private static unsafe void DeleteLegacy(nint exported)
    {
        var managed = (DLManagedTensor*)exported;
        managed->Deleter(managed);
    }

    private static unsafe void DeleteVersioned(nint exported)
    {
        var managed = (DLManagedTensorVersioned*)exported;
        managed->Deleter(managed);
    }

    private static unsafe void AssertDescribes(DLTensor* tensor, void* data, long[] shape, long[] strides)
    {
        Assert.True(tensor->Data == data);
        Assert.Equal(DLDevice.Cpu, tensor->Device);
        Assert.Equal(shape.Length, tensor->Ndim);
        Assert.Equal(Float64, tensor->DataType);
        Assert.Equal(shape, new ReadOnlySpan<long>(tensor->Shape, tensor->Ndim).ToArray());
        Assert.Equal(strides, new ReadOnlySpan<long>(tensor->Strides, tensor->Ndim).ToArray());
        Assert.Equal(0UL, tensor->ByteOffset);
    }
}
