using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// Arrays between .NET and an embedded (or hosting) CPython, without copying: any Python array as a
/// <see cref="DLPackTensor"/> .NET owns, and any <see cref="DLPackTensor"/> as a Python object NumPy and
/// torch read through DLPack. Takes the GIL itself.
/// </summary>
public static unsafe class PythonTensors
{
    /// <summary>
    /// The memory of <paramref name="array"/>: an object with the buffer protocol (a NumPy array, <c>bytes</c>,
    /// <c>bytearray</c>, <c>memoryview</c>, <c>array.array</c>), held until the tensor is released (the buffer is
    /// then released with the GIL taken); else one with <c>__dlpack__</c> (a torch tensor) or a <c>"dltensor"</c>
    /// capsule, consumed (renamed <c>"used_dltensor"</c>), so that consuming a capsule twice fails.
    /// </summary>
    /// <exception cref="PythonException">The object is no array, its format has no DLPack type, or its producer refused.</exception>
    public static DLPackTensor FromPython(PyObject array)
    {
        ArgumentNullException.ThrowIfNull(array);
        using GilScope gil = CPython.AcquireGil();
        nint obj = array.Handle;
        if (BufferLease.TryOpen(obj, out DLPackTensor? fromBuffer))
        {
            return fromBuffer ?? throw CPython.FetchError();
        }

        DLPackTensor? tensor = DLPackCapsules.TryConsume(obj, out bool notDLPack);
        if (tensor is null && notDLPack)
        {
            CPython.Api.PyErr_Clear();
            PythonCall.SetError(ModuleApi.Instance.TypeError, $"expected an object with the buffer protocol or __dlpack__, not {ModuleApi.TypeName(obj)}");
        }

        return tensor ?? throw CPython.FetchError();
    }

    /// <summary>
    /// A <c>capsulegen.DLPackTensor</c> Python object over the tensor's memory (<c>numpy.from_dlpack(obj)</c>
    /// shares it). The object holds the memory through a handle of its own, so <paramref name="tensor"/> may be
    /// disposed as usual: the memory goes when both are done.
    /// </summary>
    public static PyObject ToPython(DLPackTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using GilScope gil = CPython.AcquireGil();
        nint obj = TensorObjects.Create(tensor.Share());
        return PyObject.FromNewReference(obj != 0 ? obj : throw CPython.FetchError());
    }
}
