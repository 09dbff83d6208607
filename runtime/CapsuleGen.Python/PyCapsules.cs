using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.Ownership;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// The bridge between CapsuleGen's <see cref="Capsule"/> and CPython's <c>PyCapsule</c>, both ways.
/// </summary>
/// <remarks>
/// A capsule handed to Python is one more reference to it, held until CPython destroys the
/// <c>PyCapsule</c>: disposing the .NET handle meanwhile leaves Python's capsule working, and the
/// destructor runs (on a thread-pool thread) once Python lets go too. Its name lives in native
/// memory until then. A Python capsule taken into .NET holds a reference to the Python object until
/// the .NET capsule is destroyed (its handles disposed, its bindings collected); giving that
/// reference back never waits for the GIL.
/// </remarks>
public static unsafe class PyCapsules
{
    private static readonly Dictionary<nint, HandedOut> s_handedOut = new();
    private static long s_nameBytes;

    /// <summary>Capsules handed to Python that Python still holds (as far as CPython has told us).</summary>
    public static int HeldByPython
    {
        get
        {
            lock (s_handedOut)
            {
                return s_handedOut.Count;
            }
        }
    }

    /// <summary>Bytes of native memory holding names of capsules Python still holds.</summary>
    public static long NativeNameBytes => Interlocked.Read(ref s_nameBytes);

    /// <summary>
    /// Wraps a capsule in a new <c>PyCapsule</c> with the same pointer, name and context (SciPy
    /// passes the context to the function as its <c>void *</c> user data). The <c>PyCapsule</c>
    /// holds a reference of its own: the caller may dispose its handle at once.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    public static PyObject ToPython(Capsule capsule)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        CapsuleCore core = capsule.AddReference();
        byte[]? utf8 = core.Name is null ? null : CapsuleNames.ToNative(core.Name);
        nint name = 0;
        try
        {
            using GilScope gil = CPython.AcquireGil();
            CPythonApi api = CPython.Api;
            if (utf8 is not null)
            {
                name = (nint)NativeMemory.Alloc((nuint)utf8.Length);
                utf8.CopyTo(new Span<byte>((void*)name, utf8.Length));
                Interlocked.Add(ref s_nameBytes, utf8.Length);
            }

            nint handle = api.PyCapsule_New(core.Pointer, (byte*)name, &Destructor);
            if (handle == 0)
            {
                throw CPython.FetchError();
            }

            if (core.Context != 0 && api.PyCapsule_SetContext(handle, core.Context) != 0)
            {
                PythonException error = CPython.FetchError();
                api.Py_DecRef(handle); // our destructor finds no entry, so the name and reference are freed below
                throw error;
            }

            Remember(handle, new HandedOut(core, name, utf8?.Length ?? 0));
            return PyObject.Steal(handle);
        }
        catch
        {
            Free(name, utf8?.Length ?? 0);
            core.ReleaseDeferred();
            throw;
        }
    }

    /// <summary>
    /// Opens a Python capsule whose name must be <paramref name="name"/>, as
    /// <c>PyCapsule_GetPointer</c> does, and returns a new handle for the caller to dispose. A
    /// capsule that came from <see cref="ToPython"/> (and that Python has not altered since) comes
    /// back as a handle to the same .NET capsule, signature included; any other capsule holds a
    /// reference to the Python object until the .NET capsule is destroyed, given back without ever
    /// waiting for the GIL (at once if the thread that destroys it holds the GIL, else at the next
    /// acquisition, which is always on its way).
    /// </summary>
    /// <exception cref="ArgumentException">The name contains a NUL character or is not valid UTF-16.</exception>
    /// <exception cref="CapsuleNameMismatchException">The names differ; CPython's own message is kept.</exception>
    /// <exception cref="InvalidCapsuleException">The object is not a capsule, or its pointer is null.</exception>
    public static Capsule FromPython(PyObject capsule, string? name)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        Capsule.ValidateName(name, nameof(name));
        byte[]? expected = name is null ? null : CapsuleNames.ToNative(name);
        using GilScope gil = CPython.AcquireGil();
        using PyObject.HeldReference held = capsule.Hold();
        fixed (byte* bytes = expected)
        {
            return Open(CPython.Api, held.Handle, bytes, name);
        }
    }

    /// <summary>
    /// Opens the capsule <paramref name="handle"/> if its name is <paramref name="expected"/> (C's bytes;
    /// <paramref name="name"/> is their .NET form, which <see cref="CapsuleNames"/> reads). Call with the
    /// GIL held and a reference to the object held.
    /// </summary>
    internal static Capsule Open(CPythonApi api, nint handle, byte* expected, string? name)
    {
        if (FindOurs(api, handle) is { } ours)
        {
            if (!Capsule.NamesMatch(ours.Name, name))
            {
                throw new CapsuleNameMismatchException(expectedName: name, actualName: ours.Name);
            }

            // Python's PyCapsule holds a reference, and we hold the GIL its destructor needs: this cannot fail.
            return ours.TryAddReference()
                ? Capsule.FromNewReference(ours)
                : throw new InvalidOperationException($"The capsule {CapsuleNames.Describe(name)} lost its last reference while Python held it.");
        }

        nint pointer = api.PyCapsule_GetPointer(handle, expected);
        if (pointer == 0)
        {
            PythonException error = CPython.FetchError();
            int isCapsule = api.PyObject_IsInstance(handle, api.CapsuleType);
            api.PyErr_Clear();
            if (isCapsule == 1 && api.PyCapsule_GetPointer(handle, api.PyCapsule_GetName(handle)) != 0)
            {
                throw new CapsuleNameMismatchException(name, CapsuleNames.FromNative(api.PyCapsule_GetName(handle)), error);
            }

            api.PyErr_Clear();
            throw new InvalidCapsuleException($"Expected a PyCapsule named {CapsuleNames.Describe(name)}, but found {CPython.DescribeForMessage(handle)} ({error.Message}).", error);
        }

        nint context = api.PyCapsule_GetContext(handle);
        if (context == 0 && api.PyErr_Occurred() != 0)
        {
            throw CPython.FetchError();
        }

        return ForeignCapsules.Wrap(api, handle, pointer, name, context);
    }

    /// <summary>
    /// Imports a capsule by its dotted name with <c>PyCapsule_Import</c>: the first part is a
    /// module, the rest attributes, and the capsule's name must equal the whole dotted name.
    /// Returns a new handle for the caller to dispose.
    /// </summary>
    /// <exception cref="CapsuleNotFoundException">CPython could not find it; the message is CPython's (<c>ImportError: PyCapsule_Import could not import module "a"</c>).</exception>
    public static Capsule Import(string dottedName)
    {
        ArgumentException.ThrowIfNullOrEmpty(dottedName);
        Capsule.ValidateName(dottedName, nameof(dottedName));
        using GilScope gil = CPython.AcquireGil();
        CPythonApi api = CPython.Api;
        fixed (byte* name = CapsuleNames.ToNative(dottedName))
        {
            if (api.PyCapsule_Import(name, 0) == 0)
            {
                PythonException error = CPython.FetchError();
                throw new CapsuleNotFoundException(dottedName, error.Message, error);
            }
        }

        // PyCapsule_Import gives only the pointer; fetch the object too, to keep it alive and read its context.
        string[] parts = dottedName.Split('.');
        PyObject current = CPython.Import(parts[0]);
        foreach (string attribute in parts.Skip(1))
        {
            using PyObject owner = current;
            current = owner.GetAttr(attribute);
        }

        using (current)
        {
            return FromPython(current, dottedName);
        }
    }

    /// <summary>
    /// The .NET capsule behind <paramref name="handle"/>, if it is one <see cref="ToPython"/> made and
    /// Python has changed none of what made it ours: our destructor, our name buffer, the pointer and
    /// the context. An address alone proves nothing, since CPython reuses the memory of a dead capsule
    /// whose destructor Python replaced. Called with the GIL held.
    /// </summary>
    private static CapsuleCore? FindOurs(CPythonApi api, nint handle)
    {
        HandedOut? entry;
        lock (s_handedOut)
        {
            s_handedOut.TryGetValue(handle, out entry);
        }

        if (entry is null || api.PyCapsule_IsValid(handle, (byte*)entry.Name) != 1)
        {
            return null;
        }

        bool ours = api.PyCapsule_GetDestructor(handle) == (nint)(delegate* unmanaged[Cdecl]<nint, void>)&Destructor
            && (nint)api.PyCapsule_GetName(handle) == entry.Name
            && api.PyCapsule_GetPointer(handle, (byte*)entry.Name) == entry.Core.Pointer
            && api.PyCapsule_GetContext(handle) == entry.Core.Context;
        api.PyErr_Clear(); // none of these fails on a valid capsule, but nothing may be left pending
        return ours ? entry.Core : null;
    }

    private static void Remember(nint handle, HandedOut entry)
    {
        HandedOut? stale;
        lock (s_handedOut)
        {
            // An entry at a live capsule's address belongs to a dead one whose destructor Python replaced:
            // that capsule is gone, so its name buffer and reference can go too.
            s_handedOut.Remove(handle, out stale);
            s_handedOut[handle] = entry;
        }

        Release(stale);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destructor(nint handle)
    {
        // Runs inside CPython, with the GIL held, when Python drops a capsule from ToPython.
        try
        {
            HandedOut? released;
            lock (s_handedOut)
            {
                s_handedOut.Remove(handle, out released);
            }

            Release(released);
        }
        catch
        {
            // Nothing may unwind into CPython.
        }
    }

    /// <summary>Frees an entry's name and gives back its reference; the .NET destructor, if this was the last reference, runs on a thread-pool thread.</summary>
    private static void Release(HandedOut? entry)
    {
        if (entry is not null)
        {
            Free(entry.Name, entry.NameBytes);
            entry.Core.ReleaseDeferred();
        }
    }

    private static void Free(nint name, int bytes)
    {
        if (name != 0)
        {
            NativeMemory.Free((void*)name);
            Interlocked.Add(ref s_nameBytes, -bytes);
        }
    }

    private sealed record HandedOut(CapsuleCore Core, nint Name, int NameBytes);
}
