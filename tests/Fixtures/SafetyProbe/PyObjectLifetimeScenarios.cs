using System.Runtime.CompilerServices;
using CapsuleGen.Python;

namespace SafetyProbe;

/// <summary>
/// A Python object must outlive every call made through its handle: not be finalized in the middle
/// of its own call (the chained style drops the handle as soon as the call starts), nor released by
/// another thread's Dispose while CPython, inside the call, has let go of the GIL.
/// </summary>
internal static class PyObjectLifetimeScenarios
{
    // sha256 of this much data releases the GIL for a few hundred milliseconds.
    private const int DataBytes = 100_000_000;

    public static Task FinalizedDuringItsCall()
    {
        using PyObject scope = CPython.Run("import hashlib");
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                using (CPython.AcquireGil())
                {
                }
            }
        });
        collector.Start();
        using PyObject bytes = CPython.Eval($"bytes({DataBytes})");
        for (int i = 0; i < 4; i++)
        {
            HashChained(scope, bytes);
        }

        stop.Cancel();
        collector.Join();
        Check.That(true, "a handle dropped as its call began was not released while CPython ran the call without the GIL");
        return Task.CompletedTask;
    }

    public static Task DisposedByAnotherThreadDuringItsCall()
    {
        using PyObject bytes = CPython.Eval($"bytes({DataBytes})");
        for (int i = 0; i < 4; i++)
        {
            PyObject update = UpdateOfANewHash();
            using var started = new ManualResetEventSlim();
            var disposer = new Thread(() =>
            {
                started.Wait();
                Thread.Sleep(50); // into the hashing, where CPython released the GIL
                update.Dispose();
            });
            disposer.Start();
            started.Set();
            update.Call(bytes).Dispose();
            disposer.Join();
            Check.Quietly(Check.Throws<ObjectDisposedException>(() => update.Call(bytes)), "a disposed handle refuses calls");
        }

        Check.That(true, "a Dispose racing a call on another thread released the object only after the call returned");
        return Task.CompletedTask;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void HashChained(PyObject scope, PyObject bytes) =>
        CPython.Eval("hashlib.sha256()", scope).GetAttr("update").Call(bytes).Dispose();

    /// <summary>The bound method <c>update</c> of a hash nothing else holds: releasing it frees the hash.</summary>
    private static PyObject UpdateOfANewHash()
    {
        using PyObject hash = CPython.Eval("__import__('hashlib').sha256()");
        return hash.GetAttr("update");
    }
}
