using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// DLPack's exchange through Python, with the GIL held: consuming a <c>"dltensor"</c> or
/// <c>"dltensor_versioned"</c> capsule (from the object itself or its <c>__dlpack__</c>), and making one.
/// A consumed capsule is renamed <c>"used_dltensor"</c> / <c>"used_dltensor_versioned"</c> before anything
/// else, as the specification requires: its producer's destructor then leaves the tensor to the
/// consumer, and a second consumer is refused.
/// </summary>
internal static unsafe class DLPackCapsules
{
    /// <summary>
    /// The tensor <paramref name="obj"/> stands for, owned by the caller; null with a Python exception
    /// set if it has none (<paramref name="notDLPack"/> then says whether the object simply speaks no
    /// DLPack, so the caller can name what it expected instead) or its producer refused. A refusal of
    /// this library's own is worded for <paramref name="argument"/> (<c>f() argument 'a'</c>) when given;
    /// what the producer raised is kept as it is.
    /// </summary>
    public static DLPackTensor? TryConsume(nint obj, out bool notDLPack, string? argument = null)
    {
        notDLPack = false;
        CPythonApi python = CPython.Api;
        nint capsule;
        if (ModuleApi.TypeOf(obj) == python.CapsuleType)
        {
            python.Py_IncRef(obj);
            capsule = obj;
        }
        else
        {
            capsule = CallDLPack(obj, out notDLPack);
            if (capsule == 0)
            {
                return null;
            }
        }

        try
        {
            return TakeTensor(capsule, obj == capsule, argument);
        }
        finally
        {
            python.Py_DecRef(capsule);
        }
    }

    /// <summary>A new <c>"dltensor"</c> (or, with <paramref name="versioned"/>, <c>"dltensor_versioned"</c>) capsule over the tensor's memory; 0 with a Python exception set.</summary>
    public static nint Make(DLPackTensor tensor, bool versioned)
    {
        void* managed = versioned ? tensor.ToManagedTensorVersioned() : tensor.ToManagedTensor();
        fixed (byte* name = versioned ? "dltensor_versioned"u8 : "dltensor"u8)
        {
            // CPython keeps the name pointer: these literals live as long as the module.
            nint capsule = CPython.Api.PyCapsule_New((nint)managed, name, &DestroyUnconsumed);
            if (capsule == 0)
            {
                Delete(managed, versioned);
            }

            return capsule;
        }
    }

    /// <summary>
    /// The last type whose <c>__dlpack__</c> refused <c>max_version</c> and then gave a capsule, held by a
    /// reference: its objects are asked plainly from then on, sparing each call a raised and caught
    /// <c>TypeError</c> (about 0.4 µs for a torch 1.13 tensor). Read and written with the GIL held.
    /// </summary>
    private static nint s_legacyProducer;

    /// <summary>
    /// <c>obj.__dlpack__(max_version=(1, 0))</c>, and plain <c>obj.__dlpack__()</c> for a producer older than
    /// DLPack 1.0 that refuses the keyword with a <c>TypeError</c> (NumPy before 2.0, torch before 2.3).
    /// </summary>
    private static nint CallDLPack(nint obj, out bool notDLPack)
    {
        CPythonApi python = CPython.Api;
        ArrayApi arrays = ArrayApi.Instance;
        ModuleApi module = ModuleApi.Instance;
        fixed (byte* attribute = "__dlpack__"u8)
        {
            nint method = python.PyObject_GetAttrString(obj, attribute);
            notDLPack = method == 0 && module.PyErr_ExceptionMatches(arrays.AttributeError) != 0;
            if (method == 0)
            {
                return 0;
            }

            try
            {
                nint type = ModuleApi.TypeOf(obj);
                if (type == s_legacyProducer)
                {
                    return python.PyObject_CallObject(method, 0);
                }

                nint capsule = CallWithMaximumVersion(method);
                if (capsule == 0 && module.PyErr_ExceptionMatches(module.TypeError) != 0)
                {
                    python.PyErr_Clear();
                    capsule = python.PyObject_CallObject(method, 0);
                    if (capsule != 0)
                    {
                        python.Py_IncRef(type);
                        nint previous = s_legacyProducer;
                        s_legacyProducer = type;
                        python.Py_DecRef(previous);
                    }
                }

                return capsule;
            }
            finally
            {
                python.Py_DecRef(method);
            }
        }
    }

    private static nint CallWithMaximumVersion(nint method)
    {
        CPythonApi python = CPython.Api;
        nint empty = python.PyTuple_New(0);
        nint keywords = python.PyDict_New();
        nint version = python.PyTuple_New(2);
        try
        {
            if (empty == 0 || keywords == 0 || version == 0 ||
                python.PyTuple_SetItem(version, 0, python.PyLong_FromLongLong(DLPackVersion.Current.Major)) != 0 ||
                python.PyTuple_SetItem(version, 1, python.PyLong_FromLongLong(DLPackVersion.Current.Minor)) != 0)
            {
                return 0;
            }

            fixed (byte* key = "max_version"u8)
            {
                return python.PyDict_SetItemString(keywords, key, version) != 0 ? 0 : ArrayApi.Instance.PyObject_Call(method, empty, keywords);
            }
        }
        finally
        {
            python.Py_DecRef(version);
            python.Py_DecRef(keywords);
            python.Py_DecRef(empty);
        }
    }

    /// <summary>Takes the tensor out of a capsule: renamed first, so nothing else deletes it, then adopted.</summary>
    private static DLPackTensor? TakeTensor(nint capsule, bool given, string? argument)
    {
        CPythonApi python = CPython.Api;
        ModuleApi module = ModuleApi.Instance;
        if (ModuleApi.TypeOf(capsule) != python.CapsuleType)
        {
            return Refuse(module.TypeError, argument, "an object whose __dlpack__() returns a capsule", $"one that returned {ModuleApi.TypeName(capsule)}");
        }

        byte* name = python.PyCapsule_GetName(capsule);
        string? text = name == null ? null : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)name);
        bool versioned = text == "dltensor_versioned";
        if (!versioned && text != "dltensor")
        {
            string found = text is null ? "a capsule without a name" : $"a capsule named '{text}'";
            return text is "used_dltensor" or "used_dltensor_versioned"
                ? Refuse(ArrayApi.Instance.BufferError, argument, "a DLPack capsule not consumed yet", found + " (consumed already: a DLPack tensor is consumed once)")
                : Refuse(module.ValueError, argument, "a DLPack capsule named 'dltensor' or 'dltensor_versioned'", given ? found : found + " from __dlpack__()");
        }

        nint managed = python.PyCapsule_GetPointer(capsule, name);
        if (managed == 0)
        {
            return null;
        }

        fixed (byte* used = versioned ? "used_dltensor_versioned"u8 : "used_dltensor"u8)
        {
            if (ArrayApi.Instance.PyCapsule_SetName(capsule, used) != 0)
            {
                return null;
            }
        }

        try
        {
            return versioned ? DLPackTensor.Adopt((DLManagedTensorVersioned*)managed) : DLPackTensor.Adopt((DLManagedTensor*)managed);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            PythonCall.SetError(ArrayApi.Instance.BufferError, argument is null ? exception.Message : $"{argument} is a DLPack tensor that cannot be read: {exception.Message}");
            return null;
        }
    }

    /// <summary>Sets a refusal in CPython's words (<c>f() argument 'a' must be ..., not ...</c>, or <c>expected ..., not ...</c> without an argument).</summary>
    private static DLPackTensor? Refuse(nint type, string? argument, string expected, string found)
    {
        PythonCall.SetError(type, argument is null ? $"expected {expected}, not {found}" : $"{argument} must be {expected}, not {found}");
        return null;
    }

    /// <summary>A capsule's destructor: if no consumer renamed it, the tensor was never taken, and is deleted here.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    private static void DestroyUnconsumed(nint capsule)
    {
        CPythonApi python = CPython.Api;
        fixed (byte* legacy = "dltensor"u8, versioned = "dltensor_versioned"u8)
        {
            // PyCapsule_IsValid sets no exception, so a pending one (the destructor may run while one is set) stays as it was.
            if (python.PyCapsule_IsValid(capsule, legacy) != 0)
            {
                Delete((void*)python.PyCapsule_GetPointer(capsule, legacy), versioned: false);
            }
            else if (python.PyCapsule_IsValid(capsule, versioned) != 0)
            {
                Delete((void*)python.PyCapsule_GetPointer(capsule, versioned), versioned: true);
            }
        }
    }

    private static void Delete(void* managed, bool versioned)
    {
        if (versioned)
        {
            var tensor = (DLManagedTensorVersioned*)managed;
            tensor->Deleter(tensor);
        }
        else
        {
            var tensor = (DLManagedTensor*)managed;
            tensor->Deleter(tensor);
        }
    }
}
