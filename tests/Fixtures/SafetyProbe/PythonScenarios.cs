using CapsuleGen;
using CapsuleGen.Python;

namespace SafetyProbe;

/// <summary>A capsule handed to Python lives as long as Python holds it, whatever .NET does with its handle.</summary>
internal static class PythonScenarios
{
    public static async Task PythonHoldsDisposed()
    {
        int[] destroyed = new int[2];
        int heldBefore = PyCapsules.HeldByPython;
        Capsule capsule = CodePage.Create(1, destroyed);
        using PyObject scope = CPython.NewScope();
        using (PyObject pythonCapsule = PyCapsules.ToPython(capsule))
        {
            scope.SetItem("capsule", pythonCapsule);
        }

        capsule.Dispose();
        Check.CollectGarbage();
        Check.That(Volatile.Read(ref destroyed[1]) == 0, "disposing the .NET handle leaves the capsule Python holds alive");

        CPython.Run(
            """
            import ctypes
            get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
            get_pointer.restype = ctypes.c_void_p
            get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
            function = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int)(get_pointer(capsule, b"safety.page"))
            result = function(41)
            """,
            scope);
        using (PyObject result = scope["result"])
        {
            Check.That(result.ToInt64() == 42, "plain Python opened it with ctypes and called the code");
        }

        CPython.Run("del capsule, function, get_pointer\nimport gc\ngc.collect()", scope);
        await Check.Destroyed(capsule, "when Python dropped it, the destructor ran and unmapped the code");
        Check.That(Volatile.Read(ref destroyed[1]) == 1, "exactly once");
        Check.That(PyCapsules.HeldByPython == heldBefore, "nothing is left in the table of capsules Python holds");
    }
}
