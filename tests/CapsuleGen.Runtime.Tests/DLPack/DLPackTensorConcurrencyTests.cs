using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>Dispose and exports racing on several threads: the owner is disposed exactly once, and never while an export holds the memory.</summary>
public sealed class DLPackTensorConcurrencyTests
{
    private const int Rounds = 100;
    private const int Exporters = 3;
    private const int MaxExportsPerThread = 100_000; // a bound only: each exporter runs until Dispose refuses it
    private const int MaxHeld = 8;

    [Fact]
    public async Task Dispose_racing_with_exports_disposes_the_owner_exactly_once_and_only_when_nothing_holds_it()
    {
        for (int round = 0; round < Rounds; round++)
        {
            // Exports the test holds: counted after an export returns and before its deleter is called,
            // so the library holds each of them for at least as long as this count does.
            int outstanding = 0;
            int disposedWhileHeld = 0;
            int made = 0;
            var owner = new CountingOwner(() =>
            {
                if (Volatile.Read(ref outstanding) != 0)
                {
                    Interlocked.Exchange(ref disposedWhileHeld, 1);
                }
            });
            DLPackTensor tensor = Create(owner);
            using var start = new Barrier(Exporters + 1);
            var errors = new List<Exception>();

            var threads = Enumerable.Range(0, Exporters).Select(exporter => new Thread(() =>
            {
                var held = new List<Exported>();
                try
                {
                    start.SignalAndWait();
                    for (int i = 0; i < MaxExportsPerThread; i++)
                    {
                        Exported exported;
                        try
                        {
                            exported = Export(tensor, versioned: (i + exporter) % 2 == 0);
                        }
                        catch (ObjectDisposedException)
                        {
                            break; // the handle was disposed first: refused, as it must be
                        }

                        Interlocked.Increment(ref outstanding);
                        Interlocked.Increment(ref made);
                        held.Add(exported);
                        if (held.Count > MaxHeld || i % 3 == 0)
                        {
                            // Give some back while others are still being made.
                            Interlocked.Decrement(ref outstanding);
                            Delete(held[0]);
                            held.RemoveAt(0);
                        }
                    }
                }
                catch (Exception exception)
                {
                    lock (errors)
                    {
                        errors.Add(exception);
                    }
                }
                finally
                {
                    foreach (Exported exported in held)
                    {
                        Interlocked.Decrement(ref outstanding);
                        Delete(exported);
                    }
                }
            })).ToArray();

            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            start.SignalAndWait(TestContext.Current.CancellationToken);
            // Dispose while the exporters are busy, at a different point of their exports in each round.
            SpinWait.SpinUntil(() => Volatile.Read(ref made) > round, TimeSpan.FromSeconds(10));
            tensor.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Export(tensor, versioned: round % 2 == 0));
            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.Empty(errors);
            Assert.True(await Eventually.Holds(() => owner.Disposals > 0), $"Round {round}: the owner was never disposed.");
            Assert.Equal(0, Volatile.Read(ref disposedWhileHeld));
            Assert.Equal(1, owner.Disposals);
        }

        await Task.Delay(50, TestContext.Current.CancellationToken);
    }

    private static unsafe DLPackTensor Create(CountingOwner owner)
    {
        double[] data = Pinned.Array<double>(1, 2, 3, 4, 5, 6);
        return DLPackTensor.FromPointer(Pinned.Address(data), new DLDataType(DLDataTypeCode.Float, 64), [2, 3], [], owner);
    }

    private static unsafe Exported Export(DLPackTensor tensor, bool versioned) =>
        versioned ? new((nint)tensor.ToManagedTensorVersioned(), true) : new((nint)tensor.ToManagedTensor(), false);

    private static unsafe void Delete(Exported exported)
    {
        if (exported.Versioned)
        {
            var versioned = (DLManagedTensorVersioned*)exported.Pointer;
            versioned->Deleter(versioned);
        }
        else
        {
            var legacy = (DLManagedTensor*)exported.Pointer;
            legacy->Deleter(legacy);
        }
    }

    private readonly record struct Exported(nint Pointer, bool Versioned);
}
