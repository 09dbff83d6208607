using System.Collections.Concurrent;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// One reference to a Python object. The reference is released exactly once, under the GIL: by
/// <see cref="Dispose"/>, or, if the handle is dropped without it, by the next thread that takes
/// the GIL through CapsuleGen (a finalizer never waits for the GIL, so it can never deadlock).
/// </summary>
public sealed unsafe class PyObject : IDisposable
{
    private static readonly ConcurrentQueue<nint> s_pending = new();
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
            s_pending.Enqueue(handle);
        }
    }

    /// <summary>The <c>PyObject*</c>; valid while this handle is.</summary>
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

    /// <summary>References dropped without <see cref="Dispose"/> and not yet released.</summary>
    public static int PendingReleases => s_pending.Count;

    /// <summary>Converts a .NET value: <c>null</c> to <c>None</c>, <c>bool</c>, integers, <c>float</c>/<c>double</c>, <c>string</c>, a <see cref="Capsule"/> (see <see cref="PyCapsules.ToPython"/>), or another handle (a new reference to the same object).</summary>
    /// <exception cref="ArgumentException">The value has no Python counterpart here.</exception>
    public static PyObject From(object? value)
    {
        CPythonApi api = CPython.Api;
        if (value is Capsule capsule)
        {
            return PyCapsules.ToPython(capsule);
        }

        using GilScope gil = CPython.AcquireGil();
        switch (value)
        {
            case null:
                return Borrow(api.None);
            case PyObject other:
                return Borrow(other.Handle);
            case bool flag:
                return Steal(api.PyBool_FromLong(flag ? 1 : 0));
            case sbyte or byte or short or ushort or int or uint or long:
                return Steal(api.PyLong_FromLongLong(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
            case float or double:
                return Steal(api.PyFloat_FromDouble(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
            case string text:
                byte[] bytes = CPython.Utf8(text);
                fixed (byte* utf8 = bytes)
                {
                    return Steal(api.PyUnicode_FromStringAndSize(utf8, bytes.Length - 1));
                }

            default:
                throw new ArgumentException($"A {value.GetType().Name} has no Python counterpart here; pass null, bool, an integer, a double, a string, a Capsule or a PyObject.", nameof(value));
        }
    }

    /// <summary>
    /// Takes ownership of a new reference returned by a CPython function called directly (through
    /// an imported C API table, say). A null reference means the call failed: its Python error is thrown.
    /// Call with the GIL held.
    /// </summary>
    /// <exception cref="PythonException">The reference is null; this is the error the call set.</exception>
    public static PyObject FromNewReference(nint reference) => Steal(reference);

    /// <summary>Takes a new reference to an object someone else owns (a borrowed reference). Call with the GIL held.</summary>
    public static PyObject FromBorrowedReference(nint reference) =>
        reference != 0 ? Borrow(reference) : throw new ArgumentException("A borrowed reference cannot be null.", nameof(reference));

    /// <summary><c>getattr(self, name)</c>.</summary>
    public PyObject GetAttr(string name)
    {
        using GilScope gil = CPython.AcquireGil();
        fixed (byte* attribute = CPython.Utf8(name))
        {
            return Steal(CPython.Api.PyObject_GetAttrString(Handle, attribute));
        }
    }

    /// <summary><c>setattr(self, name, value)</c>, converting the value with <see cref="From"/>.</summary>
    public void SetAttr(string name, object? value)
    {
        using PyObject converted = From(value);
        using GilScope gil = CPython.AcquireGil();
        fixed (byte* attribute = CPython.Utf8(name))
        {
            CPython.Check(CPython.Api.PyObject_SetAttrString(Handle, attribute, converted.Handle));
        }
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
        CPython.Check(CPython.Api.PyObject_SetItem(Handle, pythonKey.Handle, converted.Handle));
    }

    private PyObject GetItem(object key)
    {
        using PyObject pythonKey = From(key);
        using GilScope gil = CPython.AcquireGil();
        return Steal(CPython.Api.PyObject_GetItem(Handle, pythonKey.Handle));
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
            using PyObject tuple = Steal(api.PyTuple_New(converted.Length));
            for (int i = 0; i < converted.Length; i++)
            {
                api.Py_IncRef(converted[i].Handle); // PyTuple_SetItem steals a reference
                CPython.Check(api.PyTuple_SetItem(tuple.Handle, i, converted[i].Handle));
            }

            return Steal(api.PyObject_CallObject(Handle, tuple.Handle));
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
        long value = CPython.Api.PyLong_AsLongLong(Handle);
        if (value == -1 && CPython.Api.PyErr_Occurred() != 0)
        {
            throw CPython.FetchError();
        }

        return value;
    }

    /// <summary><c>float(self)</c>.</summary>
    public double ToDouble()
    {
        using GilScope gil = CPython.AcquireGil();
        double value = CPython.Api.PyFloat_AsDouble(Handle);
        if (value == -1 && CPython.Api.PyErr_Occurred() != 0)
        {
            throw CPython.FetchError();
        }

        return value;
    }

    /// <summary>
    /// The value as .NET sees it: <c>None</c> is null, <c>bool</c> a bool, <c>int</c> a long,
    /// <c>float</c> a double, <c>str</c> a string; anything else a new handle to the same object.
    /// </summary>
    /// <exception cref="PythonException">The value does not fit (an <c>int</c> beyond 64 bits, a <c>str</c> with a lone surrogate); the error is Python's.</exception>
    public object? ToClr()
    {
        using GilScope gil = CPython.AcquireGil();
        CPythonApi api = CPython.Api;
        nint handle = Handle;
        if (handle == api.None)
        {
            return null;
        }

        if (IsInstance(api.BoolType))
        {
            return ToInt64() != 0;
        }

        if (IsInstance(api.LongType))
        {
            return ToInt64();
        }

        if (IsInstance(api.FloatType))
        {
            return ToDouble();
        }

        return IsInstance(api.UnicodeType) ? ToString() : Borrow(handle);
    }

    /// <summary><c>str(self)</c>.</summary>
    /// <exception cref="PythonException"><c>str()</c> raised, or gave text with no UTF-8 form (a lone surrogate); the error is Python's.</exception>
    public override string ToString()
    {
        using GilScope gil = CPython.AcquireGil();
        return CPython.Str(Handle);
    }

    /// <summary><c>repr(self)</c>.</summary>
    /// <exception cref="PythonException"><c>repr()</c> raised, or gave text with no UTF-8 form; the error is Python's.</exception>
    public string Repr()
    {
        using GilScope gil = CPython.AcquireGil();
        return CPython.Repr(Handle);
    }

    /// <summary>Releases this reference, exactly once, under the GIL.</summary>
    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            using GilScope gil = CPython.AcquireGil();
            CPython.Api.Py_DecRef(handle);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Takes ownership of a new reference; a null one means the call failed, so its Python error is thrown.</summary>
    internal static PyObject Steal(nint newReference) =>
        newReference != 0 ? new PyObject(newReference) : throw CPython.FetchError();

    /// <summary>Takes a new reference to a borrowed object.</summary>
    internal static PyObject Borrow(nint borrowed)
    {
        CPython.Api.Py_IncRef(borrowed);
        return new PyObject(borrowed);
    }

    /// <summary>Releases references dropped without Dispose. Called with the GIL held.</summary>
    internal static void ReleasePending(CPythonApi api)
    {
        while (s_pending.TryDequeue(out nint handle))
        {
            api.Py_DecRef(handle);
        }
    }

    private bool IsInstance(nint type)
    {
        int result = CPython.Api.PyObject_IsInstance(Handle, type);
        CPython.Check(result);
        return result == 1;
    }
}
