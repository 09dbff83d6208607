using System.Runtime.CompilerServices;
using CapsuleGen;
using CapsuleGen.Python;

namespace SafetyProbe;

/// <summary>
/// A capsule taken from Python holds a Python reference; giving it back must never wait for the
/// GIL on a thread that may not get it: a finalizer, or any thread while another holds the GIL
/// and waits for that thread.
/// </summary>
internal static class PythonCapsuleReleaseScenarios
{
    private const string DateTimeApi = "datetime.datetime_CAPI";

    public static async Task DisposedByAFinalizer()
    {
        long before = ReferencesToDateTimeApi();
        DropHolders(100);
        var waiter = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        });
        waiter.Start();
        Check.That(waiter.Join(TimeSpan.FromSeconds(60)), "a finalizer disposed the last handle of a capsule from Python while a thread holding the GIL waited for it");

        await Check.Eventually(() => PyObject.PendingReleases == 0, "the Python references were released without another call into the bridge");
        Check.That(ReferencesToDateTimeApi() == before, "Python's reference count is back where it was");
    }

    public static Task DisposedWhileAnotherThreadHoldsTheGil()
    {
        long before = ReferencesToDateTimeApi();
        Capsule capsule = PyCapsules.Import(DateTimeApi);
        using var holding = new ManualResetEventSlim();
        using var letGo = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            holding.Set();
            letGo.Wait();
        });
        holder.Start();
        holding.Wait();
        Task dispose = Task.Run(capsule.Dispose);
        Check.That(dispose.Wait(TimeSpan.FromSeconds(30)), "disposing the last handle does not wait for the GIL another thread holds");
        Check.That(capsule.WhenDestroyed.IsCompletedSuccessfully, "its WhenDestroyed completed at once");
        letGo.Set();
        holder.Join();
        Check.That(ReferencesToDateTimeApi() == before, "the Python reference went at the next acquisition");
        return Task.CompletedTask;
    }

    public static async Task WaitedForUnderTheGil()
    {
        Capsule? capsule = null;
        var waiter = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            capsule = BindAndDrop();
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (!capsule.WhenDestroyed.IsCompleted && DateTime.UtcNow < deadline)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                capsule.WhenDestroyed.Wait(TimeSpan.FromMilliseconds(50));
            }
        });
        waiter.Start();
        Check.That(waiter.Join(TimeSpan.FromSeconds(90)) && capsule!.WhenDestroyed.IsCompletedSuccessfully,
            "a thread holding the GIL bound, disposed, unbound and waited for WhenDestroyed of a capsule from Python without a deadlock");
        await capsule!.WhenDestroyed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropHolders(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = new Holder(PyCapsules.Import(DateTimeApi));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Capsule BindAndDrop()
    {
        Capsule capsule = PyCapsules.Import(DateTimeApi);
        var binding = new IDateTimeTypes.Binding(capsule);
        capsule.Dispose();
        binding.Unbind(); // the binding's lease is now unreachable: the GC gives the last reference back
        return capsule;
    }

    private static long ReferencesToDateTimeApi()
    {
        using PyObject count = CPython.Eval("__import__('sys').getrefcount(__import__('datetime').datetime_CAPI)");
        return count.ToInt64();
    }

    /// <summary>Holds a capsule and disposes it from its finalizer, as a class with a native resource may.</summary>
    private sealed class Holder(Capsule capsule)
    {
        ~Holder() => capsule.Dispose();
    }
}
