using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen.DLPack;
using CapsuleGen.Python.Modules;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// The buffer protocol on <c>capsulegen.DLPackTensor</c>: <c>numpy.asarray(t)</c> and <c>memoryview(t)</c> see
/// the tensor's memory, writable unless the tensor is read-only (NumPy before 2.0 makes every array it
/// takes through legacy DLPack read-only). Each buffer holds the memory, through a handle of its own,
/// until it is released.
/// </summary>
internal static unsafe class TensorBuffers
{
    private const int Writable = 0x0001;
    private const int Format = 0x0004;
    private const int WithShape = 0x0008;
    private const int WithStrides = 0x0010;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    public static int Get(nint self, PyBuffer* view, int flags)
    {
        try
        {
            view->Object = 0;
            DLPackTensor? tensor = TensorObjects.TensorOf(self);
            ArrayApi arrays = ArrayApi.Instance;
            if (tensor is null || tensor.IsDisposed)
            {
                return Refuse(arrays.BufferError, "this DLPackTensor holds no tensor");
            }

            byte* format = FormatOf(tensor.DataType);
            string? refused =
                format == null ? $"a {tensor.DataType} tensor has no buffer format; use numpy.from_dlpack" :
                !tensor.Device.IsHostAccessible ? $"a tensor on {tensor.Device} is not in host memory" :
                (flags & Writable) != 0 && tensor.IsReadOnly ? "the tensor is read-only" :
                (flags & WithStrides) != WithStrides && !tensor.IsContiguous ? "the tensor is not C-contiguous and strides were not asked for" :
                null;
            if (refused is not null)
            {
                return Refuse(arrays.BufferError, refused);
            }

            DLPackTensor held = tensor.Share(); // the memory stays while the buffer is out, whatever happens to the object
            view->Buffer = tensor.First;
            view->Object = self;
            CPython.Api.Py_IncRef(self);
            view->ItemSize = tensor.DataType.ByteSize;
            view->Length = checked((nint)tensor.ElementCount * view->ItemSize);
            view->ReadOnly = tensor.IsReadOnly ? 1 : 0;
            view->Ndim = tensor.Rank;
            view->Format = (flags & Format) != 0 ? format : null;
            view->Shape = (flags & WithShape) != 0 ? tensor.PinnedLengths : null;
            view->Strides = (flags & WithStrides) == WithStrides ? tensor.PinnedByteStrides : null;
            view->SubOffsets = null;
            view->Internal = GCHandle.ToIntPtr(GCHandle.Alloc(held));
            return 0;
        }
        catch (Exception exception)
        {
            PythonCall.Raise(exception);
            return -1;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    public static void Release(nint self, PyBuffer* view)
    {
        try
        {
            nint held = view->Internal;
            view->Internal = 0;
            TensorObjects.LetGo(held);
        }
        catch (Exception exception)
        {
            CapsuleBoundary.Record("dltensor", "capsulegen.DLPackTensor's buffer release", exception);
        }
    }

    /// <summary>The <c>struct</c>-module format of a data type, in this machine's byte order; null for one it has no letter for.</summary>
    private static byte* FormatOf(DLDataType type)
    {
        ReadOnlySpan<byte> format = (type.Code, type.Bits, type.Lanes) switch
        {
            (DLDataTypeCode.Float, 64, 1) => "d"u8,
            (DLDataTypeCode.Float, 32, 1) => "f"u8,
            (DLDataTypeCode.Float, 16, 1) => "e"u8,
            (DLDataTypeCode.Int, 64, 1) => "q"u8,
            (DLDataTypeCode.Int, 32, 1) => "i"u8,
            (DLDataTypeCode.Int, 16, 1) => "h"u8,
            (DLDataTypeCode.Int, 8, 1) => "b"u8,
            (DLDataTypeCode.UInt, 64, 1) => "Q"u8,
            (DLDataTypeCode.UInt, 32, 1) => "I"u8,
            (DLDataTypeCode.UInt, 16, 1) => "H"u8,
            (DLDataTypeCode.UInt, 8, 1) => "B"u8,
            (DLDataTypeCode.Bool, 8, 1) => "?"u8,
            (DLDataTypeCode.Complex, 128, 1) => "Zd"u8,
            (DLDataTypeCode.Complex, 64, 1) => "Zf"u8,
            _ => default,
        };

        // u8 literals are NUL-terminated constants in the module's image: the pointer stays valid.
        return format.IsEmpty ? null : (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(format));
    }

    private static int Refuse(nint type, string message)
    {
        PythonCall.SetError(type, message);
        return -1;
    }
}
