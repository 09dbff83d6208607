using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// What a module does in a child made by <c>os.fork()</c> after it was loaded: it refuses to run.
/// The child has only the thread that forked; .NET's finalizer, thread-pool and GC threads are
/// gone, and a lock one of them held at the fork stays held, so .NET code there can hang the
/// child. <c>os.register_at_fork</c> marks the child, and every module function then raises
/// <c>RuntimeError</c> instead of running. Registered once per runtime, by the first module created.
/// </summary>
internal static unsafe class ForkGuard
{
    private const int MethNoArgs = 0x0004;
    private static int s_installed;

    /// <summary>Set in the child, on the thread that forked, before any Python code runs there.</summary>
    public static bool InForkedChild { get; private set; }

    /// <summary>Registers the after-fork hook with <c>os.register_at_fork(after_in_child=...)</c>. Call with the GIL held.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        ModuleApi api = ModuleApi.Instance;
        var definition = (MethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(MethodDef)); // CPython keeps it: never freed
        definition->Name = NativeText.Allocate("capsulegen_after_fork_in_child");
        definition->Function = (nint)(delegate* unmanaged[Cdecl]<nint, nint, nint>)&AfterForkInChild;
        definition->Flags = MethNoArgs;

        using PyObject os = CPython.Import("os");
        using PyObject register = os.GetAttr("register_at_fork");
        using PyObject hook = PyObject.FromNewReference(api.PyCFunction_NewEx((nint)definition, 0, 0));
        using PyObject noArguments = PyObject.FromNewReference(CPython.Api.PyTuple_New(0));
        using PyObject keywords = PyObject.FromNewReference(CPython.Api.PyDict_New());
        fixed (byte* key = "after_in_child\0"u8)
        {
            CPython.Check(CPython.Api.PyDict_SetItemString(keywords.Handle, key, hook.Handle));
        }

        PyObject.FromNewReference(api.PyObject_Call(register.Handle, noArguments.Handle, keywords.Handle)).Dispose();
    }

    /// <summary>Sets the <c>RuntimeError</c> a function raises in a forked child; returns false.</summary>
    public static bool Refuse(string function) => PythonCall.SetError(
        ModuleApi.Instance.RuntimeError,
        $"{function}() cannot run in a process made by os.fork() after its module was loaded: the .NET runtime does not survive a fork " +
        "(the child has none of its threads). Use multiprocessing's 'spawn' or 'forkserver' start method, or fork before importing the module.");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint AfterForkInChild(nint self, nint unused)
    {
        InForkedChild = true;
        nint none = CPython.Api.None;
        CPython.Api.Py_IncRef(none);
        return none;
    }
}
