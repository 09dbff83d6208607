using System.Runtime.InteropServices;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// The part of CPython's C API that extension modules need beyond the bridge's own: creating the
/// module, raising exceptions, and the converters the generated wrappers call. Resolved once from
/// the process, where the interpreter that loaded the module lives (the <c>python3</c> executable
/// itself when CPython is linked into it, or its <c>libpython</c>). No variadic function is used:
/// .NET cannot call those through function pointers on Unix.
/// </summary>
internal sealed unsafe class ModuleApi
{
    // Bits of tp_flags (Include/object.h).
    public const ulong LongSubclass = 1UL << 24;
    public const ulong UnicodeSubclass = 1UL << 28;
    public const ulong BaseExceptionSubclass = 1UL << 30;
    public const ulong TypeSubclass = 1UL << 31;

    private static ModuleApi? s_instance;

    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyModuleDef_Init;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyModule_GetDef;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, void> PyErr_SetString;
    public readonly delegate* unmanaged[Cdecl]<nint, int> PyErr_ExceptionMatches;
    public readonly delegate* unmanaged[Cdecl]<nint, ulong> PyType_GetFlags;
    public readonly delegate* unmanaged[Cdecl]<nint, ulong> PyLong_AsUnsignedLongLong;
    public readonly delegate* unmanaged[Cdecl]<nint, int> PyIndex_Check;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyNumber_Index;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyDict_GetItem;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyTuple_Size;

    /// <summary><c>Py_True</c> and <c>Py_False</c>, the only instances of <c>bool</c>.</summary>
    public readonly nint True;
    public readonly nint False;

    /// <summary><c>Py_NotImplemented</c>, which a rich comparison returns for an operand it does not know.</summary>
    public readonly nint NotImplemented;

    public readonly nint TypeError;
    public readonly nint ValueError;
    public readonly nint RuntimeError;
    public readonly nint OverflowError;
    public readonly nint ZeroDivisionError;
    public readonly nint NotImplementedError;
    public readonly nint KeyError;
    public readonly nint IndexError;
    public readonly nint MemoryError;
    public readonly nint ImportError;

    private ModuleApi(nint process)
    {
        nint Export(string name) => Native.PythonSymbols.Required(process, name);

        // PyExc_* are variables holding the exception types, not the types themselves.
        nint Exception(string name) => *(nint*)Export("PyExc_" + name);

        PyModuleDef_Init = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyModuleDef_Init));
        PyModule_GetDef = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyModule_GetDef));
        PyErr_SetString = (delegate* unmanaged[Cdecl]<nint, byte*, void>)Export(nameof(PyErr_SetString));
        PyErr_ExceptionMatches = (delegate* unmanaged[Cdecl]<nint, int>)Export(nameof(PyErr_ExceptionMatches));
        PyType_GetFlags = (delegate* unmanaged[Cdecl]<nint, ulong>)Export(nameof(PyType_GetFlags));
        PyLong_AsUnsignedLongLong = (delegate* unmanaged[Cdecl]<nint, ulong>)Export(nameof(PyLong_AsUnsignedLongLong));
        PyIndex_Check = (delegate* unmanaged[Cdecl]<nint, int>)Export(nameof(PyIndex_Check));
        PyNumber_Index = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyNumber_Index));
        PyDict_GetItem = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyDict_GetItem));
        PyTuple_Size = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyTuple_Size));

        True = Export("_Py_TrueStruct");
        False = Export("_Py_FalseStruct");
        NotImplemented = Export("_Py_NotImplementedStruct");

        TypeError = Exception(nameof(TypeError));
        ValueError = Exception(nameof(ValueError));
        RuntimeError = Exception(nameof(RuntimeError));
        OverflowError = Exception(nameof(OverflowError));
        ZeroDivisionError = Exception(nameof(ZeroDivisionError));
        NotImplementedError = Exception(nameof(NotImplementedError));
        KeyError = Exception(nameof(KeyError));
        IndexError = Exception(nameof(IndexError));
        MemoryError = Exception(nameof(MemoryError));
        ImportError = Exception(nameof(ImportError));
    }

    /// <summary>The API of the interpreter this process runs; valid once a module's <c>PyInit</c> has attached the bridge.</summary>
    public static ModuleApi Instance => s_instance ??= new ModuleApi(DynamicLibrary.Process());

    /// <summary><c>Py_TYPE(obj)</c>: every object starts with its reference count and then its type.</summary>
    public static nint TypeOf(nint obj) => *(nint*)(obj + sizeof(nint));

    /// <summary>
    /// The type's <c>tp_name</c>, as CPython's own messages show it (<c>int</c>, <c>numpy.ndarray</c>). The one field of a
    /// type object read directly: the stable ABI has no call for it before 3.13 (<c>PyType_GetFullyQualifiedName</c>),
    /// and it follows the object header in every CPython.
    /// </summary>
    public static string TypeName(nint obj)
    {
        // PyTypeObject starts with PyObject_VAR_HEAD (refcount, type, size), then tp_name.
        byte* name = *(byte**)(TypeOf(obj) + (3 * sizeof(nint)));
        return name == null ? "object" : Marshal.PtrToStringUTF8((nint)name) ?? "object";
    }

    public bool HasFlag(nint obj, ulong flag) => (PyType_GetFlags(TypeOf(obj)) & flag) != 0;

    /// <summary>
    /// Whether the object's type has <c>nb_float</c> (<c>__float__</c>; every <c>float</c> and <c>int</c> has), asked with
    /// <c>PyType_GetSlot</c>, which takes static types too from 3.10 (the stable ABI hides <c>PyTypeObject</c>'s fields).
    /// </summary>
    public static bool HasFloatConversion(nint obj) => Arrays.ArrayApi.Instance.PyType_GetSlot(TypeOf(obj), NumberFloatSlot) != 0;

    /// <summary><c>Py_nb_float</c> (Include/typeslots.h).</summary>
    private const int NumberFloatSlot = 11;
}
