using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen;
using CapsuleGen.Python;

namespace SafetyProbe;

/// <summary>
/// Misused GIL scopes: each of these used to end the process in CPython's fatal error or leave the
/// GIL held forever. After each, another thread must still be able to take the GIL.
/// </summary>
internal static class GilScenarios
{
    public static Task DoubleDispose()
    {
        GilScope scope = CPython.AcquireGil();
        scope.Dispose();
        scope.Dispose();
        Check.That(OtherThreadTakesGil(TimeSpan.FromSeconds(30)), "a scope disposed twice released the GIL once, and another thread takes it");
        return Task.CompletedTask;
    }

    public static Task CopyDispose()
    {
        GilScope scope = CPython.AcquireGil();
        GilScope copy = scope;
        copy.Dispose();
        scope.Dispose();
        Check.That(OtherThreadTakesGil(TimeSpan.FromSeconds(30)), "a scope disposed through a copy and then itself released the GIL once");
        return Task.CompletedTask;
    }

    public static Task OutOfOrder()
    {
        GilScope outer = CPython.AcquireGil();
        GilScope inner = CPython.AcquireGil();
        outer.Dispose();
        Check.That(!OtherThreadTakesGil(TimeSpan.FromMilliseconds(500)), "disposing the outer scope first keeps the GIL while the inner scope lives");
        using (PyObject sum = CPython.Eval("20 + 22"))
        {
            Check.That(sum.ToInt64() == 42, "the inner scope still calls into CPython");
        }

        inner.Dispose();
        Check.That(OtherThreadTakesGil(TimeSpan.FromSeconds(30)), "disposing the inner scope released both, and another thread takes the GIL");
        return Task.CompletedTask;
    }

    public static Task OtherThread()
    {
        GilScope scope = CPython.AcquireGil();
        ScopeBits bits = Unsafe.As<GilScope, ScopeBits>(ref scope); // only unsafe code can carry a scope to another thread
        Exception? error = null;
        var other = new Thread(() =>
        {
            GilScope moved = Unsafe.As<ScopeBits, GilScope>(ref bits);
            try
            {
                moved.Dispose();
            }
            catch (Exception exception)
            {
                error = exception;
            }
        });
        other.Start();
        other.Join();
        Check.That(error is InvalidOperationException && error.Message.Contains("nothing was released", StringComparison.Ordinal), "disposing on another thread throws and releases nothing: " + error?.Message);
        Check.That(!OtherThreadTakesGil(TimeSpan.FromMilliseconds(500)), "the taking thread still holds the GIL");
        scope.Dispose();
        Check.That(OtherThreadTakesGil(TimeSpan.FromSeconds(30)), "disposed on its own thread, the scope released the GIL");
        return Task.CompletedTask;
    }

    /// <summary>A scope never disposed on a thread that then ended: every later acquisition says so instead of waiting forever.</summary>
    public static Task ThreadEndsHoldingTheGil()
    {
        var leaker = new Thread(() => CPython.AcquireGil()) { Name = "leaker" };
        leaker.Start();
        leaker.Join();
        Exception? error = null;
        var caller = new Thread(() =>
        {
            try
            {
                CPython.Eval("1").Dispose();
            }
            catch (Exception exception)
            {
                error = exception;
            }
        })
        { IsBackground = true };
        caller.Start();
        Check.That(caller.Join(TimeSpan.FromSeconds(30)), "an acquisition after a thread ended holding the GIL returns");
        Check.That(
            error is InvalidOperationException && error.Message.Contains("(\"leaker\") ended without disposing a GilScope", StringComparison.Ordinal),
            "and throws InvalidOperationException naming the thread: " + error?.Message);
        return Task.CompletedTask;
    }

    /// <summary>A null new reference, given without the GIL (its documented failure value), is an exception, not CPython reading a missing thread state.</summary>
    public static unsafe Task NullNewReferenceWithoutTheGil()
    {
        CPython.Initialize();
        Exception? error = Check.Thrown(() => PyObject.FromNewReference(0));
        Check.That(error is PythonException { PythonType: "SystemError" } && error.Message.Contains("no Python error is set", StringComparison.Ordinal),
            "FromNewReference(0) without the GIL throws PythonException: " + error?.Message);

        using PyObject module = CPython.Import("datetime");
        var getAttribute = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "PyObject_GetAttrString");
        using (CPython.AcquireGil())
        {
            fixed (byte* name = "no_such_attribute\0"u8)
            {
                nint failed = getAttribute(module.Handle, name);
                error = Check.Thrown(() => PyObject.FromNewReference(failed));
            }
        }

        Check.That(error is PythonException { PythonType: "AttributeError" }, "with the GIL, it throws the error the failed call set: " + error?.Message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A thread holds the GIL and waits for pending finalizers while Python objects and bindings to
    /// Python capsules are being finalized: finalizers never wait for the GIL, so this returns.
    /// </summary>
    public static async Task FinalizersUnderGil()
    {
        using PyObject datetime = CPython.Import("datetime");
        using PyObject pythonCapsule = datetime.GetAttr("datetime_CAPI");
        using PyObject getRefCount = CPython.Eval("__import__('sys').getrefcount");
        long before = RefCount(getRefCount, pythonCapsule);
        Capsule[] taken = DropReferencesAndBindings(pythonCapsule, 200);

        var waiter = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        waiter.Start();
        Check.That(waiter.Join(TimeSpan.FromSeconds(60)), "a thread holding the GIL waited for every pending finalizer without a deadlock");

        foreach (Capsule capsule in taken)
        {
            await Check.DestroyedQuietly(capsule);
        }

        Check.That(true, "every capsule taken from Python was destroyed once its bindings were collected");
        using (CPython.AcquireGil())
        {
        }

        Check.That(RefCount(getRefCount, pythonCapsule) == before, "Python's reference count is back where it was");
    }

    /// <summary>A user's finalizer disposes a PyObject (which waits for the GIL) while ReleaseDropped, called under a scope, waits for finalizers.</summary>
    public static Task ReleaseDroppedUnderGilWithADisposingFinalizer()
    {
        var finished = new ManualResetEventSlim();
        var caller = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            DropDisposer(finished);
            CPython.ReleaseDropped();
        });
        caller.Start();
        Check.That(caller.Join(TimeSpan.FromSeconds(60)) && finished.IsSet, "ReleaseDropped with the GIL held returned, and the finalizer that disposes a PyObject ran");
        return Task.CompletedTask;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropDisposer(ManualResetEventSlim finished) => _ = new Disposer(PyObject.From(12345.5), finished);

    /// <summary>Disposes a Python object in its finalizer, as a user's class that owns one might.</summary>
    private sealed class Disposer(PyObject value, ManualResetEventSlim finished)
    {
        ~Disposer()
        {
            value.Dispose();
            finished.Set();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Capsule[] DropReferencesAndBindings(PyObject pythonCapsule, int count)
    {
        var taken = new Capsule[count];
        for (int i = 0; i < count; i++)
        {
            _ = PyObject.From(pythonCapsule); // a new reference, never disposed: released by its finalizer's queue
            Capsule capsule = PyCapsules.FromPython(pythonCapsule, "datetime.datetime_CAPI");
            _ = new IDateTimeTypes.Binding(capsule); // a binding dropped while bound: its lease is finalized
            capsule.Dispose();
            taken[i] = capsule;
        }

        return taken;
    }

    private static long RefCount(PyObject getRefCount, PyObject target)
    {
        using PyObject count = getRefCount.Call(target);
        return count.ToInt64();
    }

    /// <summary>Whether another thread takes (and releases) the GIL within <paramref name="wait"/>.</summary>
    private static bool OtherThreadTakesGil(TimeSpan wait)
    {
        using var taken = new ManualResetEventSlim();
        var other = new Thread(() =>
        {
            using GilScope gil = CPython.AcquireGil();
            taken.Set();
        })
        { IsBackground = true };
        other.Start();
        return taken.Wait(wait);
    }

    private readonly record struct ScopeBits(long Id, int Thread);
}

[ImportCapsule("datetime.datetime_CAPI")]
public partial interface IDateTimeTypes
{
    [CapsuleSlot(0)]
    nint DateType { get; }
}
