using System.Runtime.InteropServices;
using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// A buffer Python lent to .NET for as long as a <see cref="DLPackTensor"/> holds it: the <c>Py_buffer</c>
/// lives in native memory (the exporter may keep pointers into it) and is released, with the GIL taken,
/// when the tensor gives its memory back.
/// </summary>
internal sealed unsafe class BufferLease : IDisposable
{
    private nint _view; // a PyBuffer*, zero once released

    private BufferLease(PyBuffer* view) => _view = (nint)view;

    /// <summary>
    /// False if the object has no buffer (no exception left set); true with the tensor, or true with null and
    /// a Python exception set if the buffer cannot be a tensor (a format DLPack has no type for).
    /// </summary>
    public static bool TryOpen(nint obj, out DLPackTensor? tensor)
    {
        tensor = null;
        var view = (PyBuffer*)NativeMemory.AllocZeroed((nuint)sizeof(PyBuffer));
        if (BufferApi.Instance.PyObject_GetBuffer(obj, view, ArrayApi.BufferStridesAndFormat) != 0)
        {
            NativeMemory.Free(view);
            CPython.Api.PyErr_Clear();
            return false;
        }

        var lease = new BufferLease(view);
        try
        {
            DLDataType? dataType = BufferFormat.Parse(view->Format, view->ItemSize);
            if (dataType is not { } known || (view->Ndim > 0 && view->Shape == null))
            {
                string found = BufferFormat.Describe(view->Format, view->ItemSize);
                lease.Dispose();
                PythonCall.SetError(ModuleApi.Instance.TypeError, $"expected an array of a DLPack element type, not {found}");
                return true;
            }

            var shape = new long[view->Ndim];
            var strides = new long[view->Ndim];
            for (int i = 0; i < view->Ndim; i++)
            {
                shape[i] = view->Shape[i];
                if (view->Strides == null)
                {
                    continue; // an exporter that leaves them out (ctypes) has a C-contiguous buffer: row-major strides
                }

                if (view->Strides[i] % view->ItemSize != 0)
                {
                    lease.Dispose();
                    PythonCall.SetError(ModuleApi.Instance.ValueError, $"expected strides in whole elements, not {TensorLayout.Describe(new ReadOnlySpan<nint>(view->Strides, view->Ndim))} bytes");
                    return true;
                }

                strides[i] = view->Strides[i] / view->ItemSize;
            }

            tensor = DLPackTensor.FromPointer(view->Buffer, known, shape, view->Strides == null ? default : strides, lease, view->ReadOnly != 0);
            return true;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Releases the buffer with the GIL taken (it may run on any thread); a second call does nothing.</summary>
    public void Dispose()
    {
        var view = (PyBuffer*)Interlocked.Exchange(ref _view, 0);
        if (view == null)
        {
            return;
        }

        using (CPython.AcquireGil())
        {
            BufferApi.Instance.PyBuffer_Release(view);
        }

        NativeMemory.Free(view);
    }
}
