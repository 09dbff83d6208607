namespace CapsuleGen.Python.Tests;

/// <summary>Python code that makes and alters capsules through CPython's C API, as a C extension would, by way of <c>ctypes</c>.</summary>
internal static class CapsuleApiScope
{
    /// <summary>
    /// <c>api</c> is <c>ctypes.pythonapi</c>, with <c>PyCapsule_New</c> (destructor as an address),
    /// the <c>PyCapsule_Set*</c> functions and <c>PyCapsule_GetName</c> typed. Set again by every run:
    /// <c>ctypes.pythonapi</c> is one object for the whole process.
    /// </summary>
    private const string Preamble =
        """
        import ctypes
        api = ctypes.pythonapi
        api.PyCapsule_New.restype = ctypes.py_object
        api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
        api.PyCapsule_SetPointer.argtypes = [ctypes.py_object, ctypes.c_void_p]
        api.PyCapsule_SetContext.argtypes = [ctypes.py_object, ctypes.c_void_p]
        api.PyCapsule_SetName.argtypes = [ctypes.py_object, ctypes.c_char_p]
        api.PyCapsule_SetDestructor.argtypes = [ctypes.py_object, ctypes.c_void_p]
        api.PyCapsule_GetName.restype = ctypes.c_char_p
        api.PyCapsule_GetName.argtypes = [ctypes.py_object]

        """;

    /// <summary>Runs <paramref name="code"/> after the preamble that types <c>api</c>, in <paramref name="scope"/> or a new one, and returns that scope.</summary>
    public static PyObject Run(string code, PyObject? scope = null) => CPython.Run(Preamble + code, scope);
}
