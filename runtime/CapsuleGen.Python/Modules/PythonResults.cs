using System.ComponentModel;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// Converts what a generated module function's method returned into a new reference for CPython,
/// with the GIL held. A null result means a Python exception is set.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonResults
{
    /// <summary><c>None</c>, for a <c>void</c> method.</summary>
    public static nint None()
    {
        nint none = CPython.Api.None;
        CPython.Api.Py_IncRef(none);
        return none;
    }

    /// <summary>A signed integer as an <c>int</c>.</summary>
    public static nint FromInt64(long value) => CPython.Api.PyLong_FromLongLong(value);

    /// <summary>An unsigned integer as an <c>int</c>.</summary>
    public static nint FromUInt64(ulong value) => CPython.Api.PyLong_FromUnsignedLongLong(value);

    /// <summary>A floating-point number as a <c>float</c>.</summary>
    public static nint FromDouble(double value) => CPython.Api.PyFloat_FromDouble(value);

    /// <summary><c>True</c> or <c>False</c>.</summary>
    public static nint FromBoolean(bool value) => CPython.Api.PyBool_FromLong(value ? 1 : 0);

    /// <summary>A <c>str</c>, or <c>None</c> for null. Every .NET string converts, lone surrogates included.</summary>
    public static nint FromString(string? value) => value is null ? None() : PythonText.ToPython(CPython.Api, value);

    /// <summary>
    /// A new <c>PyCapsule</c> for the capsule (see <see cref="PyCapsules.ToPython"/>), or <c>None</c>
    /// for null. The method gives its handle away, as a C function returns a new reference: the
    /// <c>PyCapsule</c> holds a reference of its own, and the handle is disposed here.
    /// </summary>
    public static nint FromCapsule(Capsule? value)
    {
        if (value is null)
        {
            return None();
        }

        using (value)
        {
            return FromObject(PyCapsules.ToPython(value));
        }
    }

    /// <summary>
    /// The object, or <c>None</c> for null. The method gives its handle away, as a C function returns a
    /// new reference: the handle's reference goes to Python at once and the handle is disposed, so
    /// nothing waits for a collection. A method that keeps an object returns a new handle to it
    /// (<see cref="PyObject.From"/>).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed (say, one the method returned before and kept).</exception>
    public static nint FromObject(PyObject? value) => value is null ? None() : value.TakeReference();
}
