using System.Buffers;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>
/// Memory from a <see cref="MemoryManager{T}"/> is pinned and unpinned by its author's code, which the
/// library treats as it treats an owner: never run inside a consumer's deleter.
/// </summary>
public sealed class DLPackTensorMemoryManagerTests
{
    [Fact]
    public async Task A_memory_managers_unpin_runs_on_the_thread_pool_when_an_exports_deleter_is_last()
    {
        using var manager = new RecordingManager(4);
        DLPackTensor tensor = DLPackTensor.FromMemory(manager.Memory);
        nint exported = Export(tensor);
        tensor.Dispose();
        Assert.Equal(0, manager.Unpins);

        var deleter = new Thread(() => Delete(exported));
        deleter.Start();
        deleter.Join();

        Assert.True(await Eventually.Holds(() => Volatile.Read(ref manager.Unpins) == 1));
        Assert.NotEqual(deleter.ManagedThreadId, manager.UnpinThread);
        Assert.True(manager.UnpinnedOnThreadPool);
    }

    [Fact]
    public void A_memory_managers_unpin_runs_on_the_disposing_thread_when_the_handle_is_last()
    {
        using var manager = new RecordingManager(4);
        DLPackTensor tensor = DLPackTensor.FromMemory(manager.Memory);
        Assert.Equal(1, manager.Pins);

        tensor.Dispose();

        Assert.Equal(1, manager.Unpins);
        Assert.Equal(Environment.CurrentManagedThreadId, manager.UnpinThread);
    }

    private static unsafe nint Export(DLPackTensor tensor) => (nint)tensor.ToManagedTensor();

    private static unsafe void Delete(nint exported)
    {
        var managed = (DLManagedTensor*)exported;
        managed->Deleter(managed);
    }

    private sealed unsafe class RecordingManager(int length) : MemoryManager<double>
    {
        private readonly double* _memory = (double*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)(length * sizeof(double)));
        public int Pins;
        public int Unpins;
        public int UnpinThread;
        public bool UnpinnedOnThreadPool;

        public override Span<double> GetSpan() => new(_memory, length);

        public override MemoryHandle Pin(int elementIndex = 0)
        {
            Interlocked.Increment(ref Pins);
            return new MemoryHandle(_memory + elementIndex, default, this);
        }

        public override void Unpin()
        {
            UnpinThread = Environment.CurrentManagedThreadId;
            UnpinnedOnThreadPool = Thread.CurrentThread.IsThreadPoolThread;
            Interlocked.Increment(ref Unpins);
        }

        protected override void Dispose(bool disposing) => System.Runtime.InteropServices.NativeMemory.Free(_memory);
    }
}
