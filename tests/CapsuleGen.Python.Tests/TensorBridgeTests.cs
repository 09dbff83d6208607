using System.Runtime.CompilerServices;
using CapsuleGen.DLPack;
using CapsuleGen.Python.Arrays;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// Arrays between .NET and an embedded CPython with NumPy: Python's memory as a <see cref="DLPackTensor"/>
/// and .NET memory as a Python object, both without a copy, with every hold given back once.
/// </summary>
public sealed unsafe class TensorBridgeTests
{
    public TensorBridgeTests() => Requires.Module("numpy", "python3-numpy");

    [Fact]
    public void A_NumPy_array_is_read_and_written_in_place_and_its_buffer_is_held_until_the_tensor_is_disposed()
    {
        using PyObject scope = CPython.NewScope();
        CPython.Run("import numpy, sys\narray = numpy.arange(6, dtype=numpy.float64).reshape(2, 3)\nbefore = sys.getrefcount(array)", scope);
        DLPackTensor tensor;
        using (PyObject array = scope["array"])
        {
            tensor = PythonTensors.FromPython(array);
        }

        Assert.Equal(new long[] { 2, 3 }, tensor.Shape.ToArray());
        Assert.Equal(new long[] { 3, 1 }, tensor.Strides.ToArray());
        Assert.Equal("float64", tensor.DataType.ToString());
        Span<double> values = tensor.AsSpan<double>();
        Assert.Equal(15.0, values.ToArray().Sum());
        values[4] = 40;

        // The lent buffer holds a reference to the array until the tensor gives it back.
        CPython.Run("assert array[1, 1] == 40\nheld = sys.getrefcount(array) - before", scope);
        using (PyObject held = scope["held"])
        {
            Assert.Equal(1L, held.ToClr());
        }

        tensor.Dispose();
        tensor.Dispose();
        CPython.Run("held = sys.getrefcount(array) - before", scope);
        using (PyObject released = scope["held"])
        {
            Assert.Equal(0L, released.ToClr());
        }

        Assert.Throws<ObjectDisposedException>(() => tensor.AsSpan<double>());
    }

    [Fact]
    public void A_strided_NumPy_view_keeps_its_strides_and_a_wrong_element_type_names_both_types()
    {
        using PyObject scope = CPython.NewScope();
        CPython.Run("import numpy\nbase = numpy.arange(12, dtype=numpy.int32).reshape(3, 4)\nview = base[::-1, ::2]", scope);
        using PyObject source = scope["view"];
        using DLPackTensor tensor = PythonTensors.FromPython(source);

        Assert.Equal(new long[] { -4, 2 }, tensor.Strides.ToArray());
        Assert.False(tensor.IsContiguous);
        ReadOnlyStridedSpan<int> view = tensor.AsReadOnlyStridedSpan<int>();
        Assert.Equal(new[] { 8, 10, 4, 6, 0, 2 }, view.ToArray());
        InvalidOperationException notContiguous = Assert.Throws<InvalidOperationException>(() => tensor.AsSpan<int>());
        Assert.Contains("C-contiguous", notContiguous.Message, StringComparison.Ordinal);
        InvalidCastException wrongType = Assert.Throws<InvalidCastException>(() => tensor.AsReadOnlyStridedSpan<long>());
        Assert.Contains("int64", wrongType.Message, StringComparison.Ordinal);
        Assert.Contains("int32", wrongType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_array_gives_a_read_only_tensor()
    {
        using PyObject scope = CPython.NewScope();
        CPython.Run("import numpy\narray = numpy.ones(3)\narray.setflags(write=False)", scope);
        using PyObject source = scope["array"];
        using DLPackTensor tensor = PythonTensors.FromPython(source);

        Assert.True(tensor.IsReadOnly);
        Assert.Equal(3.0, tensor.AsReadOnlySpan<double>().ToArray().Sum());
        Assert.Throws<InvalidOperationException>(() => tensor.AsSpan<double>());
    }

    [Fact]
    public void A_DLPack_capsule_is_consumed_once_and_a_second_consumer_gets_a_BufferError()
    {
        using PyObject scope = CPython.NewScope();
        CPython.Run("import numpy\nsource = numpy.arange(4.0)\ncapsule = source.__dlpack__()", scope);
        using PyObject capsule = scope["capsule"];

        using (DLPackTensor tensor = PythonTensors.FromPython(capsule))
        {
            Assert.Equal(6.0, tensor.AsReadOnlySpan<double>().ToArray().Sum());
        }

        PythonException again = Assert.Throws<PythonException>(() => PythonTensors.FromPython(capsule));
        Assert.Contains("BufferError", again.Message, StringComparison.Ordinal);
        Assert.Contains("consumed already", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ctypes_array_which_exports_no_strides_is_read_whole_in_row_major_order()
    {
        using PyObject scope = CPython.NewScope();
        CPython.Run("import ctypes\ngrid = ((ctypes.c_double * 3) * 2)((1, 2, 3), (4, 5, 6))", scope);
        using PyObject grid = scope["grid"];
        using DLPackTensor tensor = PythonTensors.FromPython(grid);

        Assert.Equal(new long[] { 2, 3 }, tensor.Shape.ToArray());
        Assert.Equal(new long[] { 3, 1 }, tensor.Strides.ToArray());
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, tensor.AsReadOnlySpan<double>().ToArray());
    }

    [Fact]
    public void An_object_that_is_no_array_is_refused_with_a_TypeError_naming_its_type()
    {
        using PyObject list = CPython.Eval("[1.0, 2.0]");

        PythonException refused = Assert.Throws<PythonException>(() => PythonTensors.FromPython(list));
        Assert.Contains("TypeError", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not list", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_memory_given_to_NumPy_is_shared_both_ways_and_released_once_when_both_sides_are_done()
    {
        var owner = new CountingOwner();
        var memory = (double*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(4 * sizeof(double));
        owner.Memory = memory;
        using PyObject scope = CPython.NewScope();
        using (DLPackTensor tensor = DLPackTensor.FromPointer(memory, DLDataType.Of<double>()!.Value, [4], default, owner))
        {
            using PyObject shared = PythonTensors.ToPython(tensor);
            scope.SetItem("shared", shared);
            CPython.Run("import numpy\nviewed = numpy.asarray(shared)\nviewed[2] = 5.0\nread = numpy.from_dlpack(shared)", scope);
            Assert.Equal(5.0, memory[2]);
            memory[1] = 7.0;
            CPython.Run("assert viewed[1] == 7.0 and read[1] == 7.0", scope);
        }

        // The .NET handle is gone; NumPy's arrays still hold the memory.
        Assert.Equal(0, owner.Disposals);
        CPython.Run("del shared, viewed, read", scope);
        SpinWait.SpinUntil(() => Volatile.Read(ref owner.Disposals) > 0, TimeSpan.FromSeconds(10));
        Assert.Equal(1, owner.Disposals);
    }

    private sealed class CountingOwner : IDisposable
    {
        public int Disposals;
        public double* Memory;

        public void Dispose()
        {
            Interlocked.Increment(ref Disposals);
            System.Runtime.InteropServices.NativeMemory.Free(Memory);
        }
    }
}
