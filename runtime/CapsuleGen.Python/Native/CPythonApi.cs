using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Native;

/// <summary>
/// The few functions of CPython's C API the bridge calls, resolved once from the loaded library.
/// Only stable, long-standing entry points are used, so any CPython 3.8 or later will do.
/// <c>PyObject*</c> is <c>nint</c> throughout.
/// </summary>
internal sealed unsafe class CPythonApi
{
    public const int FileInput = 257;
    public const int EvalInput = 258;

    public readonly delegate* unmanaged[Cdecl]<int> Py_IsInitialized;
    public readonly delegate* unmanaged[Cdecl]<int, void> Py_InitializeEx;
    public readonly delegate* unmanaged[Cdecl]<nint, void> Py_SetProgramName;
    public readonly delegate* unmanaged[Cdecl]<byte*, nint, nint> Py_DecodeLocale;
    public readonly delegate* unmanaged[Cdecl]<nint> PyEval_SaveThread;
    public readonly delegate* unmanaged[Cdecl]<nint, void> PyEval_RestoreThread;
    public readonly delegate* unmanaged[Cdecl]<int> PyGILState_Ensure;
    public readonly delegate* unmanaged[Cdecl]<int, void> PyGILState_Release;
    public readonly delegate* unmanaged[Cdecl]<nint> PyGILState_GetThisThreadState;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyThreadState_New;
    public readonly delegate* unmanaged[Cdecl]<nint, void> PyThreadState_Clear;
    public readonly delegate* unmanaged[Cdecl]<nint, void> PyThreadState_Delete;

    /// <summary><c>PyInterpreterState_GetID</c>: 0 for the main interpreter, which the stable ABI has no other way to name.</summary>
    public readonly delegate* unmanaged[Cdecl]<nint, long> PyInterpreterState_GetID;

    /// <summary>
    /// <c>PyInterpreterState_Get</c>: the interpreter of the thread state that holds the GIL on this
    /// thread. Only with the GIL held (CPython aborts without a thread state).
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<nint> PyInterpreterState_Get;

    /// <summary>
    /// This thread's current thread state, or null; never fails (<c>PyThreadState_GetUnchecked</c>,
    /// before 3.13 <c>_PyThreadState_UncheckedGet</c>). Null if the library has neither.
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<nint> CurrentThreadStateUnchecked;

    public readonly delegate* unmanaged[Cdecl]<nint, void> Py_IncRef;
    public readonly delegate* unmanaged[Cdecl]<nint, void> Py_DecRef;
    public readonly delegate* unmanaged[Cdecl]<byte*, nint> PyImport_ImportModule;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyImport_Import;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint> PyObject_GetAttrString;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyObject_GetAttr;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, int> PyObject_SetAttr;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyObject_CallObject;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyObject_Str;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyObject_Repr;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int> PyObject_IsInstance;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, byte*> PyUnicode_AsUTF8AndSize;
    public readonly delegate* unmanaged[Cdecl]<byte*, nint, byte*, int*, nint> PyUnicode_DecodeUTF16;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint> PyUnicode_AsEncodedString;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyUnicode_GetLength;
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, nint*, int> PyBytes_AsStringAndSize;
    public readonly delegate* unmanaged[Cdecl]<byte*, nint, int, nint> PyMemoryView_FromMemory;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> PyCFunction_NewEx;
    public readonly delegate* unmanaged[Cdecl]<long, nint> PyLong_FromLongLong;
    public readonly delegate* unmanaged[Cdecl]<ulong, nint> PyLong_FromUnsignedLongLong;
    public readonly delegate* unmanaged[Cdecl]<nint, long> PyLong_AsLongLong;
    public readonly delegate* unmanaged[Cdecl]<double, nint> PyFloat_FromDouble;
    public readonly delegate* unmanaged[Cdecl]<nint, double> PyFloat_AsDouble;
    public readonly delegate* unmanaged[Cdecl]<int, nint> PyBool_FromLong;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyTuple_New;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, int> PyTuple_SetItem;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyTuple_GetItem;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyObject_Length;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> PyObject_GetItem;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, int> PyObject_SetItem;
    public readonly delegate* unmanaged[Cdecl]<nint> PyDict_New;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, int> PyDict_SetItemString;
    public readonly delegate* unmanaged[Cdecl]<nint> PyEval_GetBuiltins;

    /// <summary>Compiles and then evaluates: what <c>PyRun_String</c> does, which is outside the stable ABI.</summary>
    public readonly delegate* unmanaged[Cdecl]<byte*, byte*, int, nint> Py_CompileString;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> PyEval_EvalCode;

    public readonly delegate* unmanaged[Cdecl]<nint> PyErr_Occurred;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint*, nint*, void> PyErr_Fetch;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint*, nint*, void> PyErr_NormalizeException;
    public readonly delegate* unmanaged[Cdecl]<void> PyErr_Clear;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, void> PyErr_SetObject;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, void> PyErr_Restore;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyException_GetTraceback;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int> PyException_SetTraceback;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, void> PyException_SetContext;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyObject_Type;

    public readonly delegate* unmanaged[Cdecl]<nint, byte*, delegate* unmanaged[Cdecl]<nint, void>, nint> PyCapsule_New;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint> PyCapsule_GetPointer;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> PyCapsule_GetName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyCapsule_GetDestructor;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> PyCapsule_GetContext;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int> PyCapsule_SetContext;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> PyCapsule_IsValid;
    public readonly delegate* unmanaged[Cdecl]<byte*, int, nint> PyCapsule_Import;

    /// <summary>The <c>None</c> singleton and the types the bridge converts, as object pointers.</summary>
    public readonly nint None;
    public readonly nint BoolType;
    public readonly nint LongType;
    public readonly nint FloatType;
    public readonly nint UnicodeType;
    public readonly nint CapsuleType;

    /// <summary><c>PyExc_ValueError</c>, for what the bridge itself refuses.</summary>
    public readonly nint ValueError;

    public CPythonApi(nint library)
    {
        nint Export(string name) => PythonSymbols.Required(library, name);

        Py_IsInitialized = (delegate* unmanaged[Cdecl]<int>)Export(nameof(Py_IsInitialized));
        Py_InitializeEx = (delegate* unmanaged[Cdecl]<int, void>)Export(nameof(Py_InitializeEx));
        Py_SetProgramName = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(Py_SetProgramName));
        Py_DecodeLocale = (delegate* unmanaged[Cdecl]<byte*, nint, nint>)Export(nameof(Py_DecodeLocale));
        PyEval_SaveThread = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyEval_SaveThread));
        PyEval_RestoreThread = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(PyEval_RestoreThread));
        PyGILState_Ensure = (delegate* unmanaged[Cdecl]<int>)Export(nameof(PyGILState_Ensure));
        PyGILState_Release = (delegate* unmanaged[Cdecl]<int, void>)Export(nameof(PyGILState_Release));
        PyGILState_GetThisThreadState = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyGILState_GetThisThreadState));
        PyThreadState_New = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyThreadState_New));
        PyThreadState_Clear = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(PyThreadState_Clear));
        PyThreadState_Delete = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(PyThreadState_Delete));
        PyInterpreterState_GetID = (delegate* unmanaged[Cdecl]<nint, long>)Export(nameof(PyInterpreterState_GetID));
        PyInterpreterState_Get = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyInterpreterState_Get));
        CurrentThreadStateUnchecked = (delegate* unmanaged[Cdecl]<nint>)OptionalExport("PyThreadState_GetUnchecked", "_PyThreadState_UncheckedGet");

        Py_IncRef = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(Py_IncRef));
        Py_DecRef = (delegate* unmanaged[Cdecl]<nint, void>)Export(nameof(Py_DecRef));
        PyImport_ImportModule = (delegate* unmanaged[Cdecl]<byte*, nint>)Export(nameof(PyImport_ImportModule));
        PyImport_Import = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyImport_Import));
        PyObject_GetAttrString = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)Export(nameof(PyObject_GetAttrString));
        PyObject_GetAttr = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyObject_GetAttr));
        PyObject_SetAttr = (delegate* unmanaged[Cdecl]<nint, nint, nint, int>)Export(nameof(PyObject_SetAttr));
        PyObject_CallObject = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyObject_CallObject));
        PyObject_Str = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyObject_Str));
        PyObject_Repr = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyObject_Repr));
        PyObject_IsInstance = (delegate* unmanaged[Cdecl]<nint, nint, int>)Export(nameof(PyObject_IsInstance));
        PyUnicode_AsUTF8AndSize = (delegate* unmanaged[Cdecl]<nint, nint*, byte*>)Export(nameof(PyUnicode_AsUTF8AndSize));
        PyUnicode_DecodeUTF16 = (delegate* unmanaged[Cdecl]<byte*, nint, byte*, int*, nint>)Export(nameof(PyUnicode_DecodeUTF16));
        PyUnicode_AsEncodedString = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)Export(nameof(PyUnicode_AsEncodedString));
        PyUnicode_GetLength = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyUnicode_GetLength));
        PyBytes_AsStringAndSize = (delegate* unmanaged[Cdecl]<nint, byte**, nint*, int>)Export(nameof(PyBytes_AsStringAndSize));
        PyMemoryView_FromMemory = (delegate* unmanaged[Cdecl]<byte*, nint, int, nint>)Export(nameof(PyMemoryView_FromMemory));
        PyCFunction_NewEx = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)Export(nameof(PyCFunction_NewEx));
        PyLong_FromLongLong = (delegate* unmanaged[Cdecl]<long, nint>)Export(nameof(PyLong_FromLongLong));
        PyLong_FromUnsignedLongLong = (delegate* unmanaged[Cdecl]<ulong, nint>)Export(nameof(PyLong_FromUnsignedLongLong));
        PyLong_AsLongLong = (delegate* unmanaged[Cdecl]<nint, long>)Export(nameof(PyLong_AsLongLong));
        PyFloat_FromDouble = (delegate* unmanaged[Cdecl]<double, nint>)Export(nameof(PyFloat_FromDouble));
        PyFloat_AsDouble = (delegate* unmanaged[Cdecl]<nint, double>)Export(nameof(PyFloat_AsDouble));
        PyBool_FromLong = (delegate* unmanaged[Cdecl]<int, nint>)Export(nameof(PyBool_FromLong));
        PyTuple_New = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyTuple_New));
        PyTuple_SetItem = (delegate* unmanaged[Cdecl]<nint, nint, nint, int>)Export(nameof(PyTuple_SetItem));
        PyTuple_GetItem = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyTuple_GetItem));
        PyObject_Length = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyObject_Length));
        PyObject_GetItem = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Export(nameof(PyObject_GetItem));
        PyObject_SetItem = (delegate* unmanaged[Cdecl]<nint, nint, nint, int>)Export(nameof(PyObject_SetItem));
        PyDict_New = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyDict_New));
        PyDict_SetItemString = (delegate* unmanaged[Cdecl]<nint, byte*, nint, int>)Export(nameof(PyDict_SetItemString));
        PyEval_GetBuiltins = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyEval_GetBuiltins));
        Py_CompileString = (delegate* unmanaged[Cdecl]<byte*, byte*, int, nint>)Export(nameof(Py_CompileString));
        PyEval_EvalCode = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)Export(nameof(PyEval_EvalCode));

        PyErr_Occurred = (delegate* unmanaged[Cdecl]<nint>)Export(nameof(PyErr_Occurred));
        PyErr_Fetch = (delegate* unmanaged[Cdecl]<nint*, nint*, nint*, void>)Export(nameof(PyErr_Fetch));
        PyErr_NormalizeException = (delegate* unmanaged[Cdecl]<nint*, nint*, nint*, void>)Export(nameof(PyErr_NormalizeException));
        PyErr_Clear = (delegate* unmanaged[Cdecl]<void>)Export(nameof(PyErr_Clear));
        PyErr_SetObject = (delegate* unmanaged[Cdecl]<nint, nint, void>)Export(nameof(PyErr_SetObject));
        PyErr_Restore = (delegate* unmanaged[Cdecl]<nint, nint, nint, void>)Export(nameof(PyErr_Restore));
        PyException_GetTraceback = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyException_GetTraceback));
        PyException_SetTraceback = (delegate* unmanaged[Cdecl]<nint, nint, int>)Export(nameof(PyException_SetTraceback));
        PyException_SetContext = (delegate* unmanaged[Cdecl]<nint, nint, void>)Export(nameof(PyException_SetContext));
        PyObject_Type = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyObject_Type));

        PyCapsule_New = (delegate* unmanaged[Cdecl]<nint, byte*, delegate* unmanaged[Cdecl]<nint, void>, nint>)Export(nameof(PyCapsule_New));
        PyCapsule_GetPointer = (delegate* unmanaged[Cdecl]<nint, byte*, nint>)Export(nameof(PyCapsule_GetPointer));
        PyCapsule_GetName = (delegate* unmanaged[Cdecl]<nint, byte*>)Export(nameof(PyCapsule_GetName));
        PyCapsule_GetDestructor = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyCapsule_GetDestructor));
        PyCapsule_GetContext = (delegate* unmanaged[Cdecl]<nint, nint>)Export(nameof(PyCapsule_GetContext));
        PyCapsule_SetContext = (delegate* unmanaged[Cdecl]<nint, nint, int>)Export(nameof(PyCapsule_SetContext));
        PyCapsule_IsValid = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(nameof(PyCapsule_IsValid));
        PyCapsule_Import = (delegate* unmanaged[Cdecl]<byte*, int, nint>)Export(nameof(PyCapsule_Import));

        None = Export("_Py_NoneStruct");
        BoolType = Export("PyBool_Type");
        LongType = Export("PyLong_Type");
        FloatType = Export("PyFloat_Type");
        UnicodeType = Export("PyUnicode_Type");
        CapsuleType = Export("PyCapsule_Type");
        ValueError = *(nint*)Export("PyExc_ValueError"); // the variable holds the type

        nint OptionalExport(params string[] names) => PythonSymbols.Optional(library, names);
    }
}
