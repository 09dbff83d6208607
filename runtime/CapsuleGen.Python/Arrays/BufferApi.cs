using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// The buffer protocol's two calls, in CPython's stable ABI only from 3.11: resolved apart from the rest,
/// the first time a function takes an array, so a module that takes none needs nothing beyond 3.10's.
/// </summary>
internal sealed unsafe class BufferApi
{
    private static BufferApi? s_instance;

    public readonly delegate* unmanaged[Cdecl]<nint, PyBuffer*, int, int> PyObject_GetBuffer;
    public readonly delegate* unmanaged[Cdecl]<PyBuffer*, void> PyBuffer_Release;

    private BufferApi(nint process)
    {
        PyObject_GetBuffer = (delegate* unmanaged[Cdecl]<nint, PyBuffer*, int, int>)PythonSymbols.Required(process, nameof(PyObject_GetBuffer));
        PyBuffer_Release = (delegate* unmanaged[Cdecl]<PyBuffer*, void>)PythonSymbols.Required(process, nameof(PyBuffer_Release));
    }

    /// <summary>The API of the running interpreter; the bridge must have started or attached to it (the GIL is held).</summary>
    public static BufferApi Instance => s_instance ??= Create();

    private static BufferApi Create()
    {
        _ = CPython.Api; // starts or attaches the bridge, so the process exports the interpreter
        return new BufferApi(DynamicLibrary.Process());
    }
}
