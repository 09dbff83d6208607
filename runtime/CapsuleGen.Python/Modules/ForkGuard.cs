namespace CapsuleGen.Python.Modules;

/// <summary>
/// What a module does in a child made by <c>os.fork()</c> after it was loaded: it refuses to run.
/// The child has only the thread that forked; .NET's finalizer, thread-pool and GC threads are
/// gone, and a lock one of them held at the fork stays held, so .NET code there can hang. The child
/// is marked by Python itself, without running .NET code (<see cref="InterpreterHooks"/>), and every
/// module function then raises <c>RuntimeError</c> instead of running.
/// </summary>
internal static class ForkGuard
{
    /// <summary>Set in the child, before any Python code runs there.</summary>
    public static bool InForkedChild => InterpreterHooks.InForkedChild;

    /// <summary>Sets the <c>RuntimeError</c> a function raises in a forked child; returns false.</summary>
    public static bool Refuse(string function) => PythonCall.SetError(
        ModuleApi.Instance.RuntimeError,
        $"{function}() cannot run in a process made by os.fork() after its module was loaded: the .NET runtime does not survive a fork " +
        "(the child has none of its threads). Use multiprocessing's 'spawn' or 'forkserver' start method, or fork before importing the module.");
}
