using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// What the bridge asks CPython to tell it, registered once with the GIL held: forks
/// (<c>os.register_at_fork</c>) and the interpreter's exit (<c>atexit</c>).
/// </summary>
/// <remarks>
/// A fork waits until no .NET thread is making a CPython thread state (<see cref="ThreadStates"/>).
/// The child is marked without running .NET code there: it has none of the runtime's threads, so
/// .NET code in it can hang. Python itself writes the mark into two words of native memory through a
/// <c>memoryview</c>: the first says "forked child", the second is the fork lock, which it clears.
/// </remarks>
internal static unsafe class InterpreterHooks
{
    private const int MethNoArgs = 0x0004;
    private const int BufferWritable = 0x200; // PyBUF_WRITE

    private static readonly int* s_words = (int*)NativeMemory.AllocZeroed(2, sizeof(int)); // read by Python for the life of the process: never freed
    /// <summary>How long the exit hook lets .NET threads already waiting for the GIL through, at most.</summary>
    private static readonly TimeSpan s_letThroughTime = TimeSpan.FromSeconds(2);

    private static int s_installed;
    private static volatile bool s_exiting;
    private static int s_waitingForGil;

    /// <summary>Set in a child made by <c>os.fork()</c>, before any Python code runs there.</summary>
    public static bool InForkedChild => Volatile.Read(ref s_words[0]) != 0;

    /// <summary>Set when Python's interpreter starts to shut down (<c>atexit</c>): .NET threads must no longer wait for the GIL.</summary>
    public static bool Exiting => s_exiting;

    /// <summary>Holds off forks while a thread state is made. Never held while waiting for the GIL.</summary>
    public static void EnterThreadStateCreation()
    {
        SpinWait spin = default;
        while (Interlocked.CompareExchange(ref s_words[1], 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    public static void ExitThreadStateCreation() => Volatile.Write(ref s_words[1], 0);

    /// <summary>A .NET thread is about to wait for the GIL: counted until <see cref="ExitGilWait"/>, for the exit hook. Check <see cref="Exiting"/> after this.</summary>
    public static void EnterGilWait() => Interlocked.Increment(ref s_waitingForGil);

    public static void ExitGilWait() => Interlocked.Decrement(ref s_waitingForGil);

    /// <summary>Registers the hooks, once. Call with the GIL held.</summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref s_installed) != 0 || Interlocked.Exchange(ref s_installed, 1) != 0)
        {
            return;
        }

        CPythonApi api = CPython.Api;
        using PyObject scope = CPython.NewScope();
        using (PyObject words = PyObject.FromNewReference(api.PyMemoryView_FromMemory((byte*)s_words, 2 * sizeof(int), BufferWritable)))
        {
            scope.SetItem("words", words);
        }

        SetFunction(scope, "capsulegen_before_fork", &BeforeFork);
        SetFunction(scope, "capsulegen_after_fork_in_parent", &AfterForkInParent);
        SetFunction(scope, "capsulegen_interpreter_exiting", &InterpreterExiting);
        CPython.Run(
            """
            import atexit, functools, os
            os.register_at_fork(
                before=capsulegen_before_fork,
                after_in_parent=capsulegen_after_fork_in_parent,
                after_in_child=functools.partial(words.__setitem__, slice(0, 8), b'\x01\x00\x00\x00\x00\x00\x00\x00'))
            atexit.register(capsulegen_interpreter_exiting)
            """,
            scope);
    }

    private static void SetFunction(PyObject scope, string name, delegate* unmanaged[Cdecl]<nint, nint, nint> function)
    {
        var definition = (Modules.MethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(Modules.MethodDef)); // CPython keeps it: never freed
        definition->Name = Modules.NativeText.Allocate(name);
        definition->Function = (nint)function;
        definition->Flags = MethNoArgs;
        using PyObject callable = PyObject.FromNewReference(CPython.Api.PyCFunction_NewEx((nint)definition, 0, 0));
        scope.SetItem(name, callable);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint BeforeFork(nint self, nint unused)
    {
        EnterThreadStateCreation();
        return None();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint AfterForkInParent(nint self, nint unused)
    {
        ExitThreadStateCreation();
        return None();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint InterpreterExiting(nint self, nint unused)
    {
        s_exiting = true;
        Interlocked.MemoryBarrier(); // a thread counted as waiting after this sees the flag; one counted before is seen here
        LetWaitingThreadsThrough();
        return None();
    }

    /// <summary>
    /// .NET threads already waiting for the GIL would get it only once the interpreter finalizes, when
    /// CPython ends a thread that takes it, inside the call, .NET frames and all: the finalizer thread
    /// ended so never finishes (a later <see cref="CPython.ReleaseDropped"/> waits forever), and a lock such
    /// a thread holds stays held. So the hook lets go of the GIL until each has had it (their next
    /// acquisitions find <see cref="Exiting"/> set and throw), for <see cref="s_letThroughTime"/> at most.
    /// </summary>
    private static void LetWaitingThreadsThrough()
    {
        if (Volatile.Read(ref s_waitingForGil) == 0 || InForkedChild)
        {
            return;
        }

        Native.CPythonApi api = CPython.Api;
        nint state = api.PyEval_SaveThread();
        SpinWait.SpinUntil(() => Volatile.Read(ref s_waitingForGil) == 0, s_letThroughTime);
        api.PyEval_RestoreThread(state);
    }

    private static nint None()
    {
        nint none = CPython.Api.None;
        CPython.Api.Py_IncRef(none);
        return none;
    }
}
