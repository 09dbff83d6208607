using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// The GIL states this thread took through <see cref="GilScope"/>s, in order. CPython must get
/// each state back exactly once and in reverse order: releasing an outer state while an inner scope
/// still runs would drop the GIL under it. So a scope disposed out of order is only marked, and
/// released when every scope taken after it is.
/// </summary>
/// <remarks>
/// A thread CPython does not know (any .NET thread) gets a CPython thread state of its own before
/// its first scope, kept until the thread ends (<see cref="ThreadStates"/>): <c>PyGILState_Ensure</c>
/// would otherwise make and delete one around every outermost scope, and a state being made while
/// Python forks can leave the child hanging.
/// </remarks>
internal static unsafe class GilAcquisitions
{
    [ThreadStatic]
    private static ThreadGil? t_thread;

    private static long s_lastId;

    /// <summary>Takes the GIL and records the state to give back; returns the scope's id.</summary>
    /// <exception cref="InvalidOperationException">The GIL can never be had: a thread ended holding it, or Python is shutting down.</exception>
    public static long Acquire(CPythonApi api)
    {
        ThreadGil thread = t_thread ??= new ThreadGil();
        bool outermost = thread.Held.Count == 0;
        if (outermost)
        {
            ThreadStates.PrepareOutermost(api, thread);
        }

        thread.Held.Add(new Acquisition(Interlocked.Increment(ref s_lastId), thread.Tracked ? EnsureCounted(api, thread, outermost) : api.PyGILState_Ensure(), Released: false));
        return thread.Held[^1].Id;
    }

    /// <summary>
    /// <c>PyGILState_Ensure</c> on a .NET thread, counted as waiting for the GIL meanwhile: Python's exit
    /// hook lets such threads through before the interpreter finalizes, when CPython would end them inside
    /// the call (<see cref="InterpreterHooks"/>). An outermost scope that finds Python exiting once counted throws.
    /// </summary>
    private static int EnsureCounted(CPythonApi api, ThreadGil thread, bool outermost)
    {
        InterpreterHooks.EnterGilWait();
        try
        {
            if (outermost && InterpreterHooks.Exiting)
            {
                ThreadStates.AfterOutermost(thread);
                throw ThreadStates.ExitingError();
            }

            return api.PyGILState_Ensure();
        }
        finally
        {
            InterpreterHooks.ExitGilWait();
        }
    }

    /// <summary>Releases the scope <paramref name="id"/>, and any released earlier that waited for it; a scope released before does nothing.</summary>
    public static void Release(long id)
    {
        ThreadGil? thread = t_thread;
        List<Acquisition>? held = thread?.Held;
        int index = held?.FindLastIndex(acquisition => acquisition.Id == id) ?? -1;
        if (index < 0 || held![index].Released)
        {
            return;
        }

        held[index] = held[index] with { Released = true };
        CPythonApi api = CPython.Api;
        while (held.Count > 0 && held[^1].Released)
        {
            int state = held[^1].State;
            held.RemoveAt(held.Count - 1);
            api.PyGILState_Release(state);
        }

        if (held.Count == 0)
        {
            ThreadStates.AfterOutermost(thread!);
        }
    }

    /// <summary>Marks this thread as the one that started CPython, whose thread state CPython made but that .NET code drives.</summary>
    public static void MarkStartingThread() => (t_thread ??= new ThreadGil()).Tracked = true;
}

/// <summary>One GIL state taken by a scope.</summary>
internal readonly record struct Acquisition(long Id, int State, bool Released);
