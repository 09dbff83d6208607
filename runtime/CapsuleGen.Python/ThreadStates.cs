using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// CPython thread states for .NET threads, and the threads that hold the GIL through scopes.
/// A .NET thread gets one state, made before its first scope and kept until it ends: made while
/// Python forks, a state could leave the child hanging (CPython 3.11 takes the lock that guards the
/// list of thread states in the child before making it anew), so it is made under
/// <see cref="InterpreterHooks"/>' fork lock, and deleted, after the thread ended, with the GIL held.
/// </summary>
internal static class ThreadStates
{
    private static readonly List<ThreadGil> s_holders = [];

    /// <summary>Before a thread's outermost scope takes the GIL: its own thread state, and a clear error instead of waiting forever.</summary>
    /// <exception cref="InvalidOperationException">Python is shutting down, or a thread ended holding the GIL.</exception>
    public static unsafe void PrepareOutermost(CPythonApi api, ThreadGil thread)
    {
        bool unknownToCPython = thread.OwnThreadState == 0 && api.PyGILState_GetThisThreadState() == 0;
        if (unknownToCPython || thread.Tracked)
        {
            if (InterpreterHooks.Exiting)
            {
                throw ExitingError();
            }
        }

        if (unknownToCPython)
        {
            thread.OwnThreadState = Create(api);
            thread.Tracked = true;
        }

        if (thread.Tracked)
        {
            lock (s_holders)
            {
                ThrowIfAbandoned(thread);
                s_holders.Add(thread);
            }
        }
    }

    /// <summary>Why a .NET thread may no longer take the GIL once Python shuts down.</summary>
    public static InvalidOperationException ExitingError() =>
        new("Python is shutting down: a .NET thread can no longer take the GIL (CPython would end the thread inside the call).");

    /// <summary>After a thread's outermost scope gave the GIL back.</summary>
    public static void AfterOutermost(ThreadGil thread)
    {
        if (thread.Tracked)
        {
            lock (s_holders)
            {
                s_holders.Remove(thread);
            }
        }
    }

    private static unsafe nint Create(CPythonApi api)
    {
        InterpreterHooks.EnterThreadStateCreation();
        try
        {
            nint state = api.PyThreadState_New(Modules.Subinterpreters.Main(api));
            return state != 0 ? state : throw new InvalidOperationException("CPython could not make a thread state for this thread (out of memory).");
        }
        finally
        {
            InterpreterHooks.ExitThreadStateCreation();
        }
    }

    /// <summary>
    /// A thread that ended with a scope never disposed holds the GIL forever; every later
    /// acquisition would wait for it. Say so instead. (An acquisition already waiting when the thread
    /// ended, and Python's own threads, cannot be told and do wait.)
    /// </summary>
    private static void ThrowIfAbandoned(ThreadGil thread)
    {
        foreach (ThreadGil holder in s_holders)
        {
            if (holder != thread && !holder.Thread.IsAlive)
            {
                string name = holder.Thread.Name is { } named ? $" (\"{named}\")" : string.Empty;
                throw new InvalidOperationException(
                    $"Thread {holder.Thread.ManagedThreadId}{name} ended without disposing a GilScope, so it holds CPython's GIL forever: " +
                    "no thread can call into CPython again in this process. Dispose every GilScope on the thread that took it (a using statement does).");
            }
        }
    }
}
