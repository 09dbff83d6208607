using CapsuleGen;

namespace SafetyProbe;

/// <summary>Bindings keep their capsules alive: no call ever reaches code whose capsule was destroyed.</summary>
internal static class OwnershipScenarios
{
    public static async Task BoundThenDisposed()
    {
        int[] destroyed = new int[2];
        Capsule capsule = CodePage.Create(1, destroyed);
        var binding = new IPageFunction.Binding(capsule);

        capsule.Dispose();
        Check.CollectGarbage();

        Check.That(binding.Call(41) == 42, "the binding still calls the code after its only handle was disposed and the GC ran");
        Check.That(Volatile.Read(ref destroyed[1]) == 0, "the destructor waits while a binding is bound");
        Check.That(Check.Throws<ObjectDisposedException>(() => binding.Bind(capsule)), "binding through the disposed handle fails with ObjectDisposedException");
        using (Capsule? shared = binding.ShareBoundCapsule())
        {
            Check.That(shared is not null && shared.GetPointer(CodePage.CapsuleName) != 0, "the binding hands out a handle of its own to what it holds");
        }

        binding.Unbind();
        Check.That(binding.Call(41) == -1, "unbound, calls go to the fallback");
        await Check.Destroyed(capsule, "once the binding let go, the destructor ran and unmapped the code");
        Check.That(Volatile.Read(ref destroyed[1]) == 1, "exactly once");
        Check.That(binding.Call(41) == -1, "calls still go to the fallback");
    }

    /// <summary>
    /// Four threads call through one binding while this one binds 20,000 code pages in turn and
    /// disposes each previous handle at once: every page is unmapped by its destructor as soon as
    /// the GC finds no call can still reach it.
    /// </summary>
    public static async Task RebindStorm()
    {
        const int Capsules = 20_000;
        int[] destroyed = new int[Capsules + 1];
        var binding = new IPageFunction.Binding();
        using var stop = new CancellationTokenSource();
        long calls = 0;
        long wrong = 0;
        Thread[] callers = Enumerable.Range(0, 4).Select(seed => new Thread(() =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                int x = random.Next(1_000_000);
                int result = binding.Call(x);
                if (result != -1 && (result - x < 1 || result - x > Capsules))
                {
                    Interlocked.Increment(ref wrong);
                }

                Interlocked.Increment(ref calls);
            }
        })).ToArray();
        Array.ForEach(callers, caller => caller.Start());

        Capsule? previous = null;
        Capsule? last = null;
        for (int id = 1; id <= Capsules; id++)
        {
            Capsule capsule = CodePage.Create(id, destroyed);
            binding.Bind(capsule);
            previous?.Dispose();
            previous = capsule;
            last = capsule;
        }

        previous!.Dispose();
        Thread.Sleep(200); // the callers meet the last page too
        stop.Cancel();
        Array.ForEach(callers, caller => caller.Join());
        Check.That(Interlocked.Read(ref wrong) == 0, $"{Interlocked.Read(ref calls)} calls from 4 threads each returned x + id of a live page");

        binding.Unbind();
        await Check.Destroyed(last!, "after the last unbind the last page was destroyed");
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (destroyed.Skip(1).Any(count => Volatile.Read(ref count) == 0) && DateTime.UtcNow < deadline)
        {
            Check.CollectGarbage();
            Thread.Sleep(50);
        }

        Check.That(destroyed.Skip(1).All(count => count == 1), $"every one of the {Capsules} destructors ran exactly once");
    }

    /// <summary>
    /// Bind and Dispose race on a capsule whose only handle is disposed: either the bind wins (it holds
    /// the code, which must stay callable) or it fails with ObjectDisposedException; never a bind to a
    /// capsule whose destructor started.
    /// </summary>
    public static async Task BindDisposeRace()
    {
        const int Rounds = 2_000;
        int[] destroyed = new int[Rounds + 1];
        int bound = 0;
        int refused = 0;
        for (int id = 1; id <= Rounds; id++)
        {
            Capsule capsule = CodePage.Create(id, destroyed);
            var binding = new IPageFunction.Binding();
            using var start = new Barrier(2);
            Exception? failure = null;
            var binder = new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    binding.Bind(capsule);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            });
            binder.Start();
            start.SignalAndWait();
            Thread.SpinWait(id % 100 * 50); // vary who wins
            capsule.Dispose();
            binder.Join();

            if (failure is null)
            {
                bound++;
                Check.Quietly(binding.Call(10) == 10 + id && Volatile.Read(ref destroyed[id]) == 0, $"round {id}: a bind that won calls live code");
                binding.Unbind();
            }
            else
            {
                refused++;
                Check.Quietly(failure is ObjectDisposedException, $"round {id}: a bind that lost throws ObjectDisposedException, not {failure.GetType().Name}");
            }
        }

        Check.That(true, $"{bound} binds won and {refused} lost the race; every winner called live code");
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (destroyed.Skip(1).Any(count => Volatile.Read(ref count) == 0) && DateTime.UtcNow < deadline)
        {
            Check.CollectGarbage();
            await Task.Delay(50);
        }

        Check.That(destroyed.Skip(1).All(count => count == 1), "every destructor ran exactly once");
    }
}
