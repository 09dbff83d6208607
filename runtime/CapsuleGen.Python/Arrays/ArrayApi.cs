using System.Runtime.InteropServices;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// The parts of CPython's C API that arrays, types and keyword arguments need beyond <see cref="Modules.ModuleApi"/>:
/// calling <c>__dlpack__</c>, making types from specs, reading dicts (the buffer protocol is <see cref="BufferApi"/>). Resolved once, from the process,
/// where a module's interpreter or the embedded one (loaded globally) has put them.
/// </summary>
internal sealed unsafe class ArrayApi
{
    public const int BufferStridesAndFormat = 0x0010 | 0x0008 | 0x0004; // PyBUF_RECORDS_RO: strides, shape, format; writability checked after

    public const int GreaterThan = 4; // Py_GT

    private static ArrayApi? s_instance;

    public readonly delegate* unmanaged[Cdecl]<nint, nint, int, int> PyObject_RichCompareBool;
    public readonly delegate* unmanaged[Cdecl]<nint, int> PyObject_IsTrue;

    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> PyObject_Call;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyMemoryView_FromObject;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> PyCapsule_SetName;
    public readonly delegate* unmanaged[Cdecl]<void*, nint> PyType_FromSpec;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> PyType_GetSlot;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyType_GenericAlloc;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint> PyDict_GetItemString;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyDict_Size;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint*, nint*, int> PyDict_Next;
    public readonly nint BufferError;
    public readonly nint AttributeError;

    private ArrayApi(nint process)
    {
        nint Export(string name) => Native.PythonSymbols.Required(process, name);

        PyObject_Call = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)Export(nameof(PyObject_Call));
        PyObject_RichCompareBool = (delegate* unmanaged[Cdecl]<nint, nint, int, int>)Export(nameof(PyObject_RichCompareBool));
        PyObject_IsTrue = (delegate* unmanaged[Cdecl]<nint, int>)Export(nameof(PyObject_IsTrue));
        PyMemoryView_FromObject = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyMemoryView_FromObject));
        PyCapsule_SetName = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(nameof(PyCapsule_SetName));
        PyType_FromSpec = (delegate* unmanaged[Cdecl]<void*, nint>)Export(nameof(PyType_FromSpec));
        PyType_GetSlot = (delegate* unmanaged[Cdecl]<nint, int, nint>)Export(nameof(PyType_GetSlot));
        PyType_GenericAlloc = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyType_GenericAlloc));
        PyDict_GetItemString = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)Export(nameof(PyDict_GetItemString));
        PyDict_Size = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyDict_Size));
        PyDict_Next = (delegate* unmanaged[Cdecl]<nint, nint*, nint*, nint*, int>)Export(nameof(PyDict_Next));
        BufferError = *(nint*)Export("PyExc_BufferError");
        AttributeError = *(nint*)Export("PyExc_AttributeError");
    }

    /// <summary>The API of the running interpreter; the bridge must have started or attached to it (the GIL is held).</summary>
    public static ArrayApi Instance => s_instance ??= Create();

    private static ArrayApi Create()
    {
        _ = CPython.Api; // starts or attaches the bridge, so the process exports the interpreter
        return new ArrayApi(DynamicLibrary.Process());
    }
}

/// <summary><c>Py_buffer</c> (Include/pybuffer.h), unchanged since Python 3.3.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBuffer
{
    public byte* Buffer;
    public nint Object;
    public nint Length;
    public nint ItemSize;
    public int ReadOnly;
    public int Ndim;
    public byte* Format;
    public nint* Shape;
    public nint* Strides;
    public nint* SubOffsets;
    public nint Internal;
}
