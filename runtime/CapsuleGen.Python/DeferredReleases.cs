using System.Collections.Concurrent;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// Python references, and thread states of ended .NET threads, given up where the GIL could not be
/// taken: on a finalizer, or on a thread that does not hold it (a capsule's destructor, say), where
/// waiting for it could deadlock with a thread that holds it and waits for this one. Each is released
/// at the next GIL acquisition through the bridge or a module function, and one is always on its
/// way: giving one up queues a thread-pool work item that takes the GIL and releases them all.
/// </summary>
internal static unsafe class DeferredReleases
{
    private static readonly ConcurrentQueue<nint> s_references = new();
    private static readonly ConcurrentQueue<nint> s_threadStates = new();
    private static int s_drainQueued;

    // Set after anything is queued, cleared before a drain: one read tells a module call there is nothing to do.
    private static int s_pending;

    /// <summary>References given up and not yet released.</summary>
    public static int PendingReferences => s_references.Count;

    public static bool IsEmpty => Volatile.Read(ref s_pending) == 0;

    /// <summary>Gives up a reference without ever waiting for the GIL: at once if this thread holds it, else at the next acquisition.</summary>
    public static void Release(CPythonApi api, nint reference)
    {
        if (HoldsGil(api))
        {
            api.Py_DecRef(reference);
        }
        else
        {
            ReleaseLater(reference);
        }
    }

    /// <summary>Gives up a reference at the next acquisition. Calls nothing in CPython: safe on a finalizer.</summary>
    public static void ReleaseLater(nint reference)
    {
        s_references.Enqueue(reference);
        Volatile.Write(ref s_pending, 1);
        QueueDrain();
    }

    /// <summary>Deletes the thread state of a thread that ended, at the next acquisition.</summary>
    public static void DeleteThreadStateLater(nint threadState)
    {
        s_threadStates.Enqueue(threadState);
        Volatile.Write(ref s_pending, 1);
        QueueDrain();
    }

    /// <summary>Releases everything given up so far. Call with the GIL held.</summary>
    public static void Drain(CPythonApi api)
    {
        Interlocked.Exchange(ref s_pending, 0); // a full fence: what is queued after this sets it again
        while (s_references.TryDequeue(out nint reference))
        {
            api.Py_DecRef(reference);
        }

        while (s_threadStates.TryDequeue(out nint threadState))
        {
            api.PyThreadState_Clear(threadState);
            api.PyThreadState_Delete(threadState);
        }
    }

    /// <summary>
    /// Whether this thread holds the GIL now: its current thread state is the one CPython keeps for
    /// it. False on a thread in a scope whose GIL a C function let go of, and in a subinterpreter.
    /// </summary>
    public static bool HoldsGil(CPythonApi api)
    {
        if (api.CurrentThreadStateUnchecked == null)
        {
            return false;
        }

        nint current = api.CurrentThreadStateUnchecked();
        return current != 0 && current == api.PyGILState_GetThisThreadState();
    }

    /// <summary>
    /// One work item at a time, never in a forked child (which has no thread pool) nor once Python shuts
    /// down (a thread waiting for the GIL then is ended by CPython inside the call).
    /// </summary>
    private static void QueueDrain()
    {
        if (Interlocked.Exchange(ref s_drainQueued, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => DrainOnThisThread(), null);
        }
    }

    private static void DrainOnThisThread()
    {
        Volatile.Write(ref s_drainQueued, 0); // what is given up from now on queues another
        if (IsEmpty || InterpreterHooks.Exiting)
        {
            return;
        }

        try
        {
            using GilScope gil = CPython.AcquireGil(); // which drains
        }
        catch (Exception)
        {
            // A work item must not throw. The GIL cannot be had (a thread ended holding it, Python is
            // shutting down): what is queued stays, for an acquisition that succeeds.
        }
    }
}
