using System.Globalization;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// One reference to a Python object. The reference is released exactly once, under the GIL: by
/// <see cref="Dispose"/>, or, if the handle is dropped without it, at the next GIL acquisition (a
/// finalizer never waits for the GIL, so it can never deadlock). Every member holds a reference of
/// its own while it runs, so neither the finalizer nor another thread's <see cref="Dispose"/> can
/// free the object in the middle of a call on it (when CPython lets go of the GIL inside the call).
/// </summary>
public sealed unsafe class PyObject : IDisposable
{
    private nint _handle;

    private PyObject(nint newReference)
    {
        _handle = newReference;
    }

    /// <summary>Finalizes a handle that was not disposed: its reference is released at the next GIL acquisition.</summary>
    ~PyObject()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            DeferredReleases.ReleaseLater(handle);
        }
    }

    /// <summary>
    /// The <c>PyObject*</c>; valid while this handle is neither disposed nor collected: keep the
    /// handle reachable (<see cref="GC.KeepAlive"/>) until CPython is done with the pointer.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle has been disposed.</exception>
    public nint Handle
    {
        get
        {
            nint handle = Volatile.Read(ref _handle);
            return handle != 0 ? handle : throw new ObjectDisposedException(nameof(PyObject), "This Python object handle has been disposed.");
        }
    }

    /// <summary>Whether the object is <c>None</c>.</summary>
    public bool IsNone => Handle == CPython.Api.None;

    /// <summary>References given up without the GIL (by finalizers, or by capsules from Python) and not yet released.</summary>
    public static int PendingReleases => DeferredReleases.PendingReferences;

    /// <summary>
    /// Converts a .NET value: <c>null</c> to <c>None</c>, <c>bool</c>, every integer type, <c>float</c>/<c>double</c>,
    /// <c>string</c> (exactly, lone surrogates and NUL included), a <see cref="Capsule"/> (see
    /// <see cref="PyCapsules.ToPython"/>), or another handle (a new reference to the same object).
    /// </summary>
    /// <exception cref="ArgumentException">The value has no Python counterpart here.</exception>
    public static PyObject From(object? value)
    {
        CPythonApi api = CPython.Api;
        if (value is Capsule capsule)
        {
            return PyCapsules.ToPython(capsule);
        }

        using GilScope gil = CPython.AcquireGil();
        return value switch
        {
            null => Borrow(api.None),
            PyObject other => new PyObject(other.NewReference()),
            bool flag => Steal(api.PyBool_FromLong(flag ? 1 : 0)),
            nint native => Steal(api.PyLong_FromLongLong(native)),
            nuint native => Steal(api.PyLong_FromUnsignedLongLong(native)),
            ulong large => Steal(api.PyLong_FromUnsignedLongLong(large)),
            sbyte or byte or short or ushort or int or uint or long => Steal(api.PyLong_FromLongLong(Convert.ToInt64(value, CultureInfo.InvariantCulture))),
            float or double => Steal(api.PyFloat_FromDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture))),
            string text => Steal(PythonText.ToPython(api, text)),
            _ => throw new ArgumentException(
                $"A {value.GetType().Name} has no Python counterpart here; pass null, a bool, an sbyte, byte, short, ushort, int, uint, long, ulong, nint or nuint, " +
                "a float or double, a string, a Capsule or a PyObject.",
                nameof(value)),
        };
    }

    /// <summary>
    /// Takes ownership of a new reference returned by a CPython function called directly (through
    /// an imported C API table, say), with the GIL held. A null reference means the call failed: its
    /// Python error is thrown (taken under the GIL, which this takes itself for that).
    /// </summary>
    /// <exception cref="PythonException">The reference is null; this is the error the call set on this thread.</exception>
    public static PyObject FromNewReference(nint reference) => reference != 0 ? new PyObject(reference) : throw NullReferenceError();

    /// <summary>Takes a new reference to an object someone else owns (a borrowed reference), under the GIL (which this takes if need be).</summary>
    public static PyObject FromBorrowedReference(nint reference)
    {
        if (reference == 0)
        {
            throw new ArgumentException("A borrowed reference cannot be null.", nameof(reference));
        }

        using GilScope gil = CPython.AcquireGil();
        return Borrow(reference);
    }

    /// <summary><c>getattr(self, name)</c>; the name is passed as a <c>str</c>, exactly.</summary>
    public PyObject GetAttr(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        using HeldReference attribute = new(Text(name));
        return Steal(CPython.Api.PyObject_GetAttr(self.Handle, attribute.Handle));
    }

    /// <summary><c>setattr(self, name, value)</c>, converting the value with <see cref="From"/>; the name is passed as a <c>str</c>, exactly.</summary>
    public void SetAttr(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        using PyObject converted = From(value);
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        using HeldReference attribute = new(Text(name));
        using HeldReference held = converted.Hold();
        CPython.Check(CPython.Api.PyObject_SetAttr(self.Handle, attribute.Handle, held.Handle));
    }

    /// <summary><c>self[index]</c>.</summary>
    public PyObject this[long index] => GetItem(index);

    /// <summary><c>self[key]</c>: a dict entry, such as a variable of a <see cref="CPython.Run"/> scope.</summary>
    public PyObject this[string key] => GetItem(key);

    /// <summary><c>self[key] = value</c>, converting the value with <see cref="From"/>.</summary>
    public void SetItem(string key, object? value)
    {
        using PyObject pythonKey = From(key);
        using PyObject converted = From(value);
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        using HeldReference heldKey = pythonKey.Hold();
        using HeldReference held = converted.Hold();
        CPython.Check(CPython.Api.PyObject_SetItem(self.Handle, heldKey.Handle, held.Handle));
    }

    /// <summary>Calls the object with positional arguments, each converted with <see cref="From"/>.</summary>
    /// <exception cref="PythonException">The call raised.</exception>
    public PyObject Call(params object?[] arguments)
    {
        PyObject[] converted = arguments.Select(From).ToArray();
        try
        {
            using GilScope gil = CPython.AcquireGil();
            CPythonApi api = CPython.Api;
            using HeldReference self = Hold();
            using PyObject tuple = Steal(api.PyTuple_New(converted.Length));
            for (int i = 0; i < converted.Length; i++)
            {
                CPython.Check(api.PyTuple_SetItem(tuple.Handle, i, converted[i].NewReference())); // PyTuple_SetItem steals a reference
            }

            return Steal(api.PyObject_CallObject(self.Handle, tuple.Handle));
        }
        finally
        {
            foreach (PyObject argument in converted)
            {
                argument.Dispose();
            }
        }
    }

    /// <summary>Calls the method <paramref name="name"/> with positional arguments.</summary>
    public PyObject CallMethod(string name, params object?[] arguments)
    {
        using PyObject method = GetAttr(name);
        return method.Call(arguments);
    }

    /// <summary><c>int(self)</c> as a 64-bit integer.</summary>
    public long ToInt64()
    {
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        return Int64(self.Handle);
    }

    /// <summary><c>float(self)</c>.</summary>
    public double ToDouble()
    {
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        return Double(self.Handle);
    }

    /// <summary>
    /// The value as .NET sees it: <c>None</c> is null, <c>bool</c> a bool, <c>int</c> a long,
    /// <c>float</c> a double, <c>str</c> a string; anything else a new handle to the same object.
    /// </summary>
    /// <exception cref="PythonException">The value does not fit (an <c>int</c> beyond 64 bits); the error is Python's.</exception>
    public object? ToClr()
    {
        using GilScope gil = CPython.AcquireGil();
        CPythonApi api = CPython.Api;
        using HeldReference self = Hold();
        nint handle = self.Handle;
        if (handle == api.None)
        {
            return null;
        }

        if (IsInstance(handle, api.BoolType))
        {
            return Int64(handle) != 0;
        }

        if (IsInstance(handle, api.LongType))
        {
            return Int64(handle);
        }

        if (IsInstance(handle, api.FloatType))
        {
            return Double(handle);
        }

        return IsInstance(handle, api.UnicodeType) ? CPython.Str(handle) : Borrow(handle);
    }

    /// <summary><c>str(self)</c>, exactly (a lone surrogate stays one).</summary>
    /// <exception cref="PythonException"><c>str()</c> raised; the error is Python's.</exception>
    public override string ToString()
    {
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        return CPython.Str(self.Handle);
    }

    /// <summary><c>repr(self)</c>.</summary>
    /// <exception cref="PythonException"><c>repr()</c> raised; the error is Python's.</exception>
    public string Repr()
    {
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        return CPython.Repr(self.Handle);
    }

    /// <summary>
    /// Releases this reference, exactly once, under the GIL (waiting for it if need be). A call
    /// running on another thread meanwhile holds a reference of its own and is unaffected.
    /// </summary>
    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            try
            {
                using GilScope gil = CPython.AcquireGil();
                CPython.Api.Py_DecRef(handle);
            }
            catch (InvalidOperationException)
            {
                DeferredReleases.ReleaseLater(handle); // the GIL cannot be had now (Python is shutting down)
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Takes ownership of a new reference; a null one means the call failed, so its Python error is thrown. Call with the GIL held.</summary>
    internal static PyObject Steal(nint newReference) =>
        newReference != 0 ? new PyObject(newReference) : throw CPython.FetchError();

    /// <summary>Takes a new reference to a borrowed object. Call with the GIL held.</summary>
    internal static PyObject Borrow(nint borrowed)
    {
        CPython.Api.Py_IncRef(borrowed);
        return new PyObject(borrowed);
    }

    /// <summary>A new reference to this object, for the caller to release. Call with the GIL held.</summary>
    /// <remarks>
    /// Under the GIL, neither the finalizer's deferred release nor another thread's Dispose can run
    /// between reading the handle and taking the reference, so the object is alive for both.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The handle has been disposed.</exception>
    internal nint NewReference()
    {
        nint handle = Handle;
        CPython.Api.Py_IncRef(handle);
        return handle;
    }

    /// <summary>
    /// Takes this handle's reference away for the caller to own, leaving the handle disposed: how a
    /// handle is given to CPython as a new reference, with no reference taken and released.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle has been disposed.</exception>
    internal nint TakeReference()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
        {
            throw new ObjectDisposedException(nameof(PyObject), "This Python object handle has been disposed: a module function gives away the handle it returns, so a kept object is returned as a new handle (PyObject.From(kept)).");
        }

        GC.SuppressFinalize(this);
        return handle;
    }

    /// <summary>A reference of the caller's own for one operation on this object, released when disposed. Call with the GIL held, and dispose before it goes.</summary>
    internal HeldReference Hold() => new(NewReference());

    private static nint Text(string text)
    {
        nint unicode = PythonText.ToPython(CPython.Api, text);
        return unicode != 0 ? unicode : throw CPython.FetchError();
    }

    private static long Int64(nint handle)
    {
        long value = CPython.Api.PyLong_AsLongLong(handle);
        if (value == -1 && CPython.Api.PyErr_Occurred() != 0)
        {
            throw CPython.FetchError();
        }

        return value;
    }

    private static double Double(nint handle)
    {
        double value = CPython.Api.PyFloat_AsDouble(handle);
        if (value == -1 && CPython.Api.PyErr_Occurred() != 0)
        {
            throw CPython.FetchError();
        }

        return value;
    }

    private static bool IsInstance(nint handle, nint type)
    {
        int result = CPython.Api.PyObject_IsInstance(handle, type);
        CPython.Check(result);
        return result == 1;
    }

    /// <summary>The error behind a null new reference, fetched under the GIL: the caller may not hold it, and CPython reads errors from the thread state.</summary>
    private static PythonException NullReferenceError()
    {
        using GilScope gil = CPython.AcquireGil();
        return CPython.Api.PyErr_Occurred() != 0
            ? CPython.FetchError()
            : new PythonException(
                "SystemError",
                "PyObject.FromNewReference was given a null reference, and no Python error is set on this thread: the call that returned it failed " +
                "without setting one, or ran without the GIL (hold a GilScope around direct calls into CPython).");
    }

    private PyObject GetItem(object key)
    {
        using PyObject pythonKey = From(key);
        using GilScope gil = CPython.AcquireGil();
        using HeldReference self = Hold();
        using HeldReference heldKey = pythonKey.Hold();
        return Steal(CPython.Api.PyObject_GetItem(self.Handle, heldKey.Handle));
    }

    /// <summary>One reference, released on Dispose; for the length of one operation, with the GIL held.</summary>
    internal readonly ref struct HeldReference(nint newReference)
    {
        public nint Handle => newReference;

        public void Dispose() => CPython.Api.Py_DecRef(newReference);
    }
}
