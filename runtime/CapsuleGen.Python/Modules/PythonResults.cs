using System.ComponentModel;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// Converts what a generated module function's method returned into a new reference for CPython,
/// with the GIL held: one <c>From</c> overload per C# type, chosen by overload resolution (a C#
/// <c>int</c> goes to <c>From(long)</c>). A null result means a Python exception is set.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonResults
{
    /// <summary><c>None</c>, for a <c>void</c> method.</summary>
    public static nint None() => CallPath.NewReference(CallPath.None);

    /// <summary>A signed integer as an <c>int</c>.</summary>
    public static nint From(long value) => CallPath.FromInt64(value);

    /// <summary>An unsigned integer as an <c>int</c>.</summary>
    public static nint From(ulong value) => CallPath.FromUInt64(value);

    /// <summary>A floating-point number as a <c>float</c>.</summary>
    public static nint From(double value) => CallPath.FromDouble(value);

    /// <summary><c>True</c> or <c>False</c>.</summary>
    public static nint From(bool value) => CallPath.NewReference(value ? ModuleApi.Instance.True : ModuleApi.Instance.False);

    /// <summary>A <c>str</c>, or <c>None</c> for null. Every .NET string converts, lone surrogates included.</summary>
    public static nint From(string? value) => value is null ? None() : PythonText.ToPython(CPython.Api, value);

    /// <summary>
    /// A new <c>PyCapsule</c> for the capsule (see <see cref="PyCapsules.ToPython"/>), or <c>None</c>
    /// for null. The method gives its handle away, as a C function returns a new reference: the
    /// <c>PyCapsule</c> holds a reference of its own, and the handle is disposed here.
    /// </summary>
    public static nint From(Capsule? value)
    {
        if (value is null)
        {
            return None();
        }

        using (value)
        {
            return From(PyCapsules.ToPython(value));
        }
    }

    /// <summary>
    /// The object, or <c>None</c> for null. The method gives its handle away, as a C function returns a
    /// new reference: the handle's reference goes to Python at once and the handle is disposed, so
    /// nothing waits for a collection. A method that keeps an object returns a new handle to it
    /// (<see cref="PyObject.From"/>).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed (say, one the method returned before and kept).</exception>
    public static nint From(PyObject? value) => value is null ? None() : value.TakeReference();

    /// <summary>
    /// A <c>capsulegen.DLPackTensor</c> over the tensor's memory, which NumPy and torch take without a copy
    /// (<c>numpy.from_dlpack</c>), or <c>None</c> for null. The method gives its handle away: the Python
    /// object owns it from here and lets go when Python drops the object, so the method must not dispose it.
    /// </summary>
    public static nint From(DLPack.DLPackTensor? value)
    {
        if (value is null)
        {
            return None();
        }

        if (value.IsDisposed)
        {
            return PythonCall.Raise(new ObjectDisposedException(nameof(DLPack.DLPackTensor),
                "The method returned a disposed DLPackTensor: a returned tensor is given to Python, which releases it, so return it undisposed (no 'using')."));
        }

        return Arrays.TensorObjects.Create(value);
    }
}
