using System.ComponentModel;
using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// What a generated module function holds of an array argument for the call: the buffer Python lent
/// it (<c>PyObject_GetBuffer</c>), or the DLPack tensor it consumed. The wrapper keeps it on its stack
/// and gives it back in its <c>finally</c> (<see cref="Release"/>), with the GIL held, however the call
/// ended; the spans the method received are not valid after that.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe struct ArrayArgument
{
    private PyBuffer _view;
    private DLPackTensor? _tensor;
    private bool _holdsView;

    /// <summary>Gives back what the argument held: releases the buffer, or deletes the consumed tensor. Never throws.</summary>
    public void Release()
    {
        try
        {
            if (_holdsView)
            {
                _holdsView = false;
                fixed (PyBuffer* view = &_view)
                {
                    BufferApi.Instance.PyBuffer_Release(view);
                }
            }

            DLPackTensor? tensor = _tensor;
            _tensor = null;
            if (tensor is not null)
            {
                // The producer's deleter may run Python code (a ctypes or cffi callback), which must not
                // start with the call's exception pending: it is set aside meanwhile, then restored (a
                // stray error the deleter left is dropped with it).
                CPythonApi python = CPython.Api;
                nint type, value, traceback;
                python.PyErr_Fetch(&type, &value, &traceback);
                try
                {
                    tensor.Dispose();
                }
                finally
                {
                    python.PyErr_Restore(type, value, traceback);
                }
            }
        }
        catch (Exception exception)
        {
            // Only a producer's deleter can throw here, and nothing may unwind into CPython.
            CapsuleBoundary.Record("dltensor", "an array argument's release", exception);
        }
    }

    /// <summary>
    /// Takes <paramref name="obj"/>'s memory for the call: through the buffer protocol (NumPy arrays,
    /// <c>bytes</c>, <c>bytearray</c>, <c>memoryview</c>, <c>array.array</c>), else through DLPack (a torch
    /// tensor, a <c>"dltensor"</c> capsule). False with a Python exception set; <paramref name="notAnArray"/>
    /// then says the object is neither, so the caller can name what it expected.
    /// </summary>
    internal bool TryOpen(nint obj, string function, string parameter, out bool notAnArray)
    {
        notAnArray = false;
        ArrayApi arrays = ArrayApi.Instance;
        fixed (PyBuffer* view = &_view)
        {
            if (BufferApi.Instance.PyObject_GetBuffer(obj, view, ArrayApi.BufferStridesAndFormat) == 0)
            {
                _holdsView = true;
                return view->Ndim == 0 || view->Strides != null || WithStrides(obj, view);
            }
        }

        ModuleApi module = ModuleApi.Instance;
        if (module.PyErr_ExceptionMatches(module.TypeError) == 0 && module.PyErr_ExceptionMatches(arrays.BufferError) == 0)
        {
            return false; // the exporter's own error (a MemoryError, say) is the one to see
        }

        CPython.Api.PyErr_Clear();
        _tensor = DLPackCapsules.TryConsume(obj, out notAnArray, $"{function}() argument '{parameter}'");
        return _tensor is not null;
    }

    /// <summary>
    /// An exporter that leaves out the strides though they were asked for (ctypes arrays do) has a
    /// C-contiguous buffer; a memoryview over it works out its strides, and the view is taken from that
    /// instead (it holds the memoryview, which holds the exporter's buffer, until released).
    /// </summary>
    private bool WithStrides(nint obj, PyBuffer* view)
    {
        ArrayApi arrays = ArrayApi.Instance;
        BufferApi buffers = BufferApi.Instance;
        _holdsView = false;
        buffers.PyBuffer_Release(view);
        nint memory = arrays.PyMemoryView_FromObject(obj);
        if (memory == 0)
        {
            return false;
        }

        int result = buffers.PyObject_GetBuffer(memory, view, ArrayApi.BufferStridesAndFormat);
        CPython.Api.Py_DecRef(memory);
        _holdsView = result == 0;
        return _holdsView;
    }

    /// <summary>
    /// The data type of the memory taken, or null for a buffer whose format names none. The usual case, a
    /// buffer of <typeparamref name="T"/>'s own one-letter format, is matched without parsing.
    /// </summary>
    internal readonly DLDataType? DataType<T>() where T : unmanaged
    {
        if (_tensor is not null)
        {
            return _tensor.DataType;
        }

        byte* format = _view.Format;
        return format != null && format[0] == ElementType<T>.Format && format[1] == 0 && ElementType<T>.DataType is { } expected && expected.ByteSize == _view.ItemSize
            ? expected
            : BufferFormat.Parse(format, _view.ItemSize);
    }

    /// <summary>What the memory taken holds, for a message.</summary>
    internal readonly string Describe() => _tensor is not null ? $"an array of {_tensor.DataType}" : BufferFormat.Describe(_view.Format, _view.ItemSize);

    /// <summary>The memory as the checks read it: the buffer's, or the tensor's.</summary>
    internal readonly TensorLayout Layout(DLDataType dataType)
    {
        if (_tensor is not null)
        {
            return _tensor.Layout;
        }

        PyBuffer view = _view;
        if (view.Ndim > 0 && view.Strides == null)
        {
            // TryOpen took the view of a memoryview when the exporter left the strides out: not reached.
            return new TensorLayout(view.Buffer, dataType, DLDevice.Cpu, default, default, readOnly: true);
        }

        return new TensorLayout(
            view.Buffer,
            dataType,
            DLDevice.Cpu,
            new ReadOnlySpan<nint>(view.Shape, view.Shape == null ? 0 : view.Ndim),
            new ReadOnlySpan<nint>(view.Strides, view.Strides == null ? 0 : view.Ndim),
            view.ReadOnly != 0);
    }
}
