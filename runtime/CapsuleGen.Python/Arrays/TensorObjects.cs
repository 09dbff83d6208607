using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// The Python type .NET tensors are offered as, <c>capsulegen.DLPackTensor</c>: an object that owns a
/// <see cref="DLPackTensor"/> handle and speaks DLPack (<c>__dlpack__</c>, <c>__dlpack_device__</c>), so that
/// <c>numpy.from_dlpack</c> and <c>torch.from_dlpack</c> take its memory without copying. Each
/// <c>__dlpack__</c> call exports the memory anew; the memory is given back once the object and every
/// export are gone. Made once per process from a spec (a heap type), with the GIL held.
/// </summary>
internal static unsafe class TensorObjects
{
    private const int MethodVarArgsAndKeywords = 0x0001 | 0x0002;
    private const int MethodNoArgs = 0x0004;
    private const ulong DisallowInstantiation = 1UL << 7; // only .NET makes these: an empty one would hold no tensor

    private static nint s_type;

    /// <summary>A new object owning <paramref name="tensor"/>'s handle (disposed when Python drops the object); 0 with a Python exception set.</summary>
    public static nint Create(DLPackTensor tensor)
    {
        nint type = s_type != 0 ? s_type : (s_type = CreateType());
        if (type == 0)
        {
            return 0;
        }

        nint obj = ArrayApi.Instance.PyType_GenericAlloc(type, 0);
        if (obj != 0)
        {
            *HandleSlot(obj) = GCHandle.ToIntPtr(GCHandle.Alloc(tensor));
        }

        return obj;
    }

    /// <summary>The tensor an object of this type holds, or null for any other object.</summary>
    public static DLPackTensor? TensorOf(nint obj) =>
        s_type != 0 && ModuleApi.TypeOf(obj) == s_type && *HandleSlot(obj) != 0 ? (DLPackTensor?)GCHandle.FromIntPtr(*HandleSlot(obj)).Target : null;

    /// <summary>The object's one field after <c>PyObject_HEAD</c>: a GC handle to its tensor.</summary>
    private static nint* HandleSlot(nint obj) => (nint*)(obj + (2 * sizeof(nint)));

    private static nint CreateType()
    {
        // CPython keeps the spec's names, methods and slots for the type's life: allocated once, never freed.
        var methods = (MethodDef*)NativeMemory.AllocZeroed((nuint)(3 * sizeof(MethodDef)));
        methods[0] = new MethodDef
        {
            Name = NativeText.Allocate("__dlpack__"),
            Function = (nint)(delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)&ExportDLPack,
            Flags = MethodVarArgsAndKeywords,
            Doc = NativeText.Allocate("__dlpack__($self, /, *, stream=None, max_version=None, dl_device=None, copy=None)\n--\n\nA DLPack capsule over this tensor's memory: versioned if max_version allows 1.0, else legacy."),
        };
        methods[1] = new MethodDef
        {
            Name = NativeText.Allocate("__dlpack_device__"),
            Function = (nint)(delegate* unmanaged[Cdecl]<nint, nint, nint>)&Device,
            Flags = MethodNoArgs,
            Doc = NativeText.Allocate("__dlpack_device__($self, /)\n--\n\nThe tensor's device as DLPack numbers it: (1, 0) for the CPU."),
        };

        var slots = (TypeSlot*)NativeMemory.AllocZeroed((nuint)(7 * sizeof(TypeSlot)));
        slots[0] = new TypeSlot(TypeSlot.Dealloc, (nint)(delegate* unmanaged[Cdecl]<nint, void>)&Deallocate);
        slots[1] = new TypeSlot(TypeSlot.Methods, (nint)methods);
        slots[2] = new TypeSlot(TypeSlot.Repr, (nint)(delegate* unmanaged[Cdecl]<nint, nint>)&Represent);
        slots[3] = new TypeSlot(TypeSlot.Doc, NativeText.Allocate("A .NET tensor's memory, shared through DLPack (numpy.from_dlpack(t), torch.from_dlpack(t)) and the buffer protocol (numpy.asarray(t))."));
        slots[4] = new TypeSlot(TypeSlot.GetBuffer, (nint)(delegate* unmanaged[Cdecl]<nint, PyBuffer*, int, int>)&TensorBuffers.Get);
        slots[5] = new TypeSlot(TypeSlot.ReleaseBuffer, (nint)(delegate* unmanaged[Cdecl]<nint, PyBuffer*, void>)&TensorBuffers.Release);

        var spec = (TypeSpec*)NativeMemory.AllocZeroed((nuint)sizeof(TypeSpec));
        spec->Name = NativeText.Allocate("capsulegen.DLPackTensor");
        spec->BasicSize = 3 * sizeof(nint);
        spec->Flags = (uint)DisallowInstantiation;
        spec->Slots = slots;
        return ArrayApi.Instance.PyType_FromSpec(spec);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint ExportDLPack(nint self, nint args, nint keywords)
    {
        try
        {
            ModuleApi module = ModuleApi.Instance;
            ArrayApi arrays = ArrayApi.Instance;
            if (args != 0 && module.PyTuple_Size(args) != 0)
            {
                return Fail(module.TypeError, "__dlpack__() takes no positional arguments");
            }

            if (!TryReadKeywords(keywords, out bool versioned))
            {
                return 0;
            }

            DLPackTensor? tensor = TensorOf(self);
            if (tensor is null || tensor.IsDisposed)
            {
                return Fail(arrays.BufferError, "this DLPackTensor holds no tensor");
            }

            return DLPackCapsules.Make(tensor, versioned);
        }
        catch (Exception exception)
        {
            return PythonCall.Raise(exception);
        }
    }

    /// <summary>
    /// The keywords of <c>__dlpack__</c> as the Python array API standard defines them: a stream only as
    /// a CPU tensor allows one (None or -1), a device only the CPU, never a forced copy.
    /// </summary>
    private static bool TryReadKeywords(nint keywords, out bool versioned)
    {
        versioned = false;
        if (keywords == 0)
        {
            return true;
        }

        CPythonApi python = CPython.Api;
        ModuleApi module = ModuleApi.Instance;
        ArrayApi arrays = ArrayApi.Instance;
        nint position = 0;
        nint key;
        nint value;
        while (arrays.PyDict_Next(keywords, &position, &key, &value) != 0)
        {
            string? name = ModuleApi.TypeOf(key) == python.UnicodeType ? PythonText.FromPython(python, key) : null;
            switch (name)
            {
                case "stream":
                    // -1 itself, not an int too large for a long (whose OverflowError would be left pending).
                    bool minusOne = ModuleApi.TypeOf(value) == python.LongType && python.PyLong_AsLongLong(value) == -1 && python.PyErr_Occurred() == 0;
                    if (value != python.None && !minusOne)
                    {
                        python.PyErr_Clear();
                        return PythonCall.SetError(module.ValueError, "__dlpack__(): a CPU tensor takes stream=None");
                    }

                    break;
                case "max_version":
                    if (value != python.None)
                    {
                        // (major, minor): a consumer that reads DLPack 1.x gets the versioned capsule.
                        nint major = module.PyTuple_Size(value) >= 1 ? python.PyTuple_GetItem(value, 0) : 0;
                        python.PyErr_Clear();
                        if (major == 0 || ModuleApi.TypeOf(major) != python.LongType)
                        {
                            return PythonCall.SetError(module.TypeError, "__dlpack__(): max_version must be a tuple (major, minor)");
                        }

                        long number = python.PyLong_AsLongLong(major);
                        bool overflowed = number == -1 && python.PyErr_Occurred() != 0;
                        python.PyErr_Clear();

                        // A major too large for a long is a newer version too, if it is positive.
                        versioned = overflowed ? IsPositive(major) : number >= DLPackVersion.Current.Major;
                    }

                    break;
                case "dl_device":
                    if (value != python.None && !IsCpu(value))
                    {
                        return PythonCall.SetError(arrays.BufferError, $"__dlpack__(): this tensor is on the CPU and cannot be exported to device {CPython.DescribeForMessage(value)}");
                    }

                    break;
                case "copy":
                    // Any true value asks for a copy (copy=1 too), as Python's truth rules have it; None and false ones do not.
                    int copy = value == python.None ? 0 : arrays.PyObject_IsTrue(value);
                    if (copy != 0)
                    {
                        return copy > 0 && PythonCall.SetError(arrays.BufferError, "__dlpack__(): a copy was asked for; this tensor shares its memory and does not copy it");
                    }

                    break;
                default:
                    return PythonCall.SetError(module.TypeError, $"__dlpack__() got an unexpected keyword argument {(name is null ? CPython.DescribeForMessage(key) : "'" + name + "'")}");
            }
        }

        return true;
    }

    private static bool IsPositive(nint integer)
    {
        nint zero = CPython.Api.PyLong_FromLongLong(0);
        int positive = zero == 0 ? 0 : ArrayApi.Instance.PyObject_RichCompareBool(integer, zero, ArrayApi.GreaterThan);
        CPython.Api.Py_DecRef(zero);
        CPython.Api.PyErr_Clear();
        return positive == 1;
    }

    private static bool IsCpu(nint device)
    {
        CPythonApi python = CPython.Api;
        ModuleApi module = ModuleApi.Instance;
        bool cpu = module.PyTuple_Size(device) == 2 &&
                   python.PyLong_AsLongLong(python.PyTuple_GetItem(device, 0)) == (long)DLDeviceType.Cpu &&
                   python.PyLong_AsLongLong(python.PyTuple_GetItem(device, 1)) == 0;
        python.PyErr_Clear();
        return cpu;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint Device(nint self, nint unused)
    {
        try
        {
            DLDevice device = TensorOf(self)?.Device ?? DLDevice.Cpu;
            CPythonApi python = CPython.Api;
            nint tuple = python.PyTuple_New(2);
            if (tuple == 0 ||
                python.PyTuple_SetItem(tuple, 0, python.PyLong_FromLongLong((long)device.DeviceType)) != 0 ||
                python.PyTuple_SetItem(tuple, 1, python.PyLong_FromLongLong(device.DeviceId)) != 0)
            {
                python.Py_DecRef(tuple);
                return 0;
            }

            return tuple;
        }
        catch (Exception exception)
        {
            return PythonCall.Raise(exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static nint Represent(nint self)
    {
        try
        {
            return PythonText.ToPython(CPython.Api, $"<capsulegen.DLPackTensor: {TensorOf(self)?.ToString() ?? "empty"}>");
        }
        catch (Exception exception)
        {
            return PythonCall.Raise(exception);
        }
    }

    /// <summary>
    /// Python dropped the object: its handle lets go of the memory, given back on a thread-pool thread
    /// if this was the last hold (a producer's deleter or an owner's <c>Dispose</c> never runs inside
    /// CPython's deallocation).
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void Deallocate(nint self)
    {
        try
        {
            LetGo(Interlocked.Exchange(ref *HandleSlot(self), 0));
        }
        catch (Exception exception)
        {
            CapsuleBoundary.Record("dltensor", "capsulegen.DLPackTensor's deallocation", exception);
        }

        nint type = ModuleApi.TypeOf(self);
        var free = (delegate* unmanaged[Cdecl]<nint, void>)ArrayApi.Instance.PyType_GetSlot(type, TypeSlot.Free);
        free(self);
        CPython.Api.Py_DecRef(type); // an instance of a heap type holds a reference to its type
    }

    /// <summary>Frees a GC handle to a tensor handle and disposes that, deferred: its memory, if this was the last hold, goes on the thread pool.</summary>
    public static void LetGo(nint handle)
    {
        if (handle != 0)
        {
            GCHandle gcHandle = GCHandle.FromIntPtr(handle);
            var tensor = (DLPackTensor?)gcHandle.Target;
            gcHandle.Free();
            tensor?.DisposeDeferred();
        }
    }

    private static nint Fail(nint type, string message)
    {
        PythonCall.SetError(type, message);
        return 0;
    }
}

/// <summary><c>PyType_Slot</c> (Include/object.h) and the slot numbers of Include/typeslots.h it uses.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TypeSlot(int slot, nint value)
{
    public const int GetBuffer = 1;
    public const int ReleaseBuffer = 2;
    public const int Dealloc = 52;
    public const int Doc = 56;
    public const int Hash = 59;
    public const int Methods = 64;
    public const int New = 65;
    public const int Repr = 66;
    public const int RichCompare = 67;
    public const int GetSet = 73;
    public const int Free = 74;

    public readonly int Slot = slot;
    public readonly nint Value = value;
}

/// <summary><c>PyType_Spec</c> (Include/object.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TypeSpec
{
    public nint Name;
    public int BasicSize;
    public int ItemSize;
    public uint Flags;
    public TypeSlot* Slots;
}
