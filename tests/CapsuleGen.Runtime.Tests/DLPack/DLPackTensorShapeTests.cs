using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>What FromArray, FromMemory and FromPointer make of a shape: defaults, row-major strides, and what they refuse.</summary>
public sealed unsafe class DLPackTensorShapeTests
{
    private static readonly DLDataType Float64 = new(DLDataTypeCode.Float, 64);

    [Fact]
    public void An_array_without_a_shape_is_one_dimension_of_its_length()
    {
        using var tensor = DLPackTensor.FromArray(new double[6]);

        Assert.Equal(1, tensor.Rank);
        Assert.Equal([6L], tensor.Shape.ToArray());
        Assert.Equal([1L], tensor.Strides.ToArray());
        Assert.Equal(6, tensor.ElementCount);
        Assert.True(tensor.IsContiguous);
        Assert.Equal(Float64, tensor.DataType);
        Assert.Equal(DLDevice.Cpu, tensor.Device);
        Assert.False(tensor.IsReadOnly);
        Assert.Null(tensor.Version);
        Assert.False(tensor.IsDisposed);
        Assert.Equal("float64 tensor of shape (6,) on cpu", tensor.ToString());
    }

    [Fact]
    public void A_shape_gets_row_major_strides_in_elements()
    {
        using var matrix = DLPackTensor.FromArray(new double[6], 2, 3);
        using var cube = DLPackTensor.FromArray(new int[24], 2, 3, 4);

        Assert.Equal(2, matrix.Rank);
        Assert.Equal([2L, 3L], matrix.Shape.ToArray());
        Assert.Equal([3L, 1L], matrix.Strides.ToArray());
        Assert.Equal(6, matrix.ElementCount);
        Assert.Equal("float64 tensor of shape (2, 3) on cpu", matrix.ToString());

        Assert.Equal([12L, 4L, 1L], cube.Strides.ToArray());
        Assert.Equal(24, cube.ElementCount);
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 32), cube.DataType);
        Assert.True(cube.IsContiguous);
    }

    [Fact]
    public void A_shape_that_does_not_hold_the_array_throws_naming_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => DLPackTensor.FromArray(new double[6], 4, 2));

        Assert.Equal("shape", error.ParamName);
        Assert.Contains("8 elements", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_length_throws_even_when_the_product_matches()
    {
        // (-2) * (-3) == 6: only the check of each length can refuse it.
        var error = Assert.Throws<ArgumentException>(() => DLPackTensor.FromArray(new double[6], -2, -3));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DLPackTensor.FromMemory(new ReadOnlyMemory<double>(new double[6]), 6, -1));
    }

    [Fact]
    public void Element_types_DLPack_cannot_describe_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => DLPackTensor.FromArray(new char[3]));
        Assert.Throws<ArgumentNullException>(() => DLPackTensor.FromArray<double>(null!));
    }

    [Fact]
    public void Writable_memory_is_a_writable_tensor_over_just_that_slice()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromMemory(array.AsMemory(2, 3));

        Span<double> span = tensor.AsSpan<double>();
        span[0] = 20;

        Assert.False(tensor.IsReadOnly);
        Assert.Equal([3L], tensor.Shape.ToArray());
        Assert.Equal([20.0, 3.0, 4.0], tensor.AsReadOnlySpan<double>().ToArray());
        Assert.Equal([0.0, 1.0, 20.0, 3.0, 4.0, 5.0], array);
    }

    [Fact]
    public void Read_only_memory_is_a_read_only_tensor()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromMemory((ReadOnlyMemory<double>)array, 3, 2);

        Assert.True(tensor.IsReadOnly);
        Assert.Equal([3L, 2L], tensor.Shape.ToArray());
        Assert.Equal(array, tensor.AsReadOnlySpan<double>().ToArray());
        Assert.Equal("float64 tensor of shape (3, 2) on cpu, read-only", tensor.ToString());
    }

    [Fact]
    public void A_pointer_without_strides_is_row_major()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3, 2], [], owner: null);

        Assert.Equal([2L, 1L], tensor.Strides.ToArray());
        Assert.True(tensor.IsContiguous);
        Assert.Equal(data, tensor.AsReadOnlySpan<double>().ToArray());
    }

    [Fact]
    public void A_pointer_with_strides_keeps_them_and_is_not_contiguous_unless_they_are_row_major()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var transposed = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3, 2], [1, 3], owner: null);
        using var rowMajor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3, 2], [2, 1], owner: null);
        // A dimension of length one is never stepped along: its stride does not make the tensor strided.
        using var column = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [6, 1], [1, 42], owner: null);

        Assert.Equal([1L, 3L], transposed.Strides.ToArray());
        Assert.False(transposed.IsContiguous);
        Assert.True(rowMajor.IsContiguous);
        Assert.True(column.IsContiguous);
        Assert.Equal(6, transposed.ElementCount);
    }

    [Fact]
    public void Strides_of_another_rank_than_the_shape_throw_naming_both()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);

        var error = Assert.Throws<ArgumentException>(() => DLPackTensor.FromPointer(Pinned.Address(data), Float64, [2, 3], [1], owner: null));

        Assert.Contains("shape has 2 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("strides 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pointer_tensor_refuses_a_negative_length_and_a_null_pointer_with_elements()
    {
        double[] data = Pinned.Array<double>(0, 1);
        var owner = new CountingOwner();

        Assert.Throws<ArgumentException>(() => DLPackTensor.FromPointer(Pinned.Address(data), Float64, [-1], [], owner));
        Assert.Throws<ArgumentNullException>(() => DLPackTensor.FromPointer(null, Float64, [2], [], owner));
        Assert.Throws<ArgumentNullException>(() => DLPackTensor.FromPointer(null, Float64, [], [], owner)); // a scalar has one element
        Assert.Equal(0, owner.Disposals); // the caller still owns what it could not hand over
    }

    [Fact]
    public void A_null_pointer_is_fine_for_a_tensor_without_elements()
    {
        using var tensor = DLPackTensor.FromPointer(null, Float64, [0, 4], [], owner: null);

        Assert.Equal(0, tensor.ElementCount);
        Assert.Equal([4L, 1L], tensor.Strides.ToArray());
        Assert.True(tensor.IsContiguous);
        Assert.Equal(0, tensor.AsSpan<double>().Length);
    }

    [Fact]
    public void A_scalar_has_rank_zero_no_strides_and_one_element()
    {
        double[] value = Pinned.Array(4.5);
        using var scalar = DLPackTensor.FromPointer(Pinned.Address(value), Float64, [], [], owner: null);

        Assert.Equal(0, scalar.Rank);
        Assert.True(scalar.Shape.IsEmpty);
        Assert.True(scalar.Strides.IsEmpty);
        Assert.Equal(1, scalar.ElementCount);
        Assert.True(scalar.IsContiguous);
        Assert.Equal("float64 tensor of shape () on cpu", scalar.ToString());

        Span<double> span = scalar.AsSpan<double>();
        Assert.Equal(1, span.Length);
        Assert.Equal(4.5, span[0]);

        StridedSpan<double> view = scalar.AsStridedSpan<double>();
        Assert.Equal(0, view.Rank);
        Assert.Equal(1, view.ElementCount);
        view[ReadOnlySpan<nint>.Empty] = 7.25;
        Assert.Equal(7.25, value[0]);
        Assert.Equal([7.25], view.ToArray());
    }

    [Fact]
    public void An_empty_array_is_a_tensor_without_elements()
    {
        using var vector = DLPackTensor.FromArray(Array.Empty<float>());
        using var matrix = DLPackTensor.FromArray(Array.Empty<float>(), 0, 3);

        Assert.Equal([0L], vector.Shape.ToArray());
        Assert.Equal(0, vector.ElementCount);
        Assert.True(vector.IsContiguous);
        Assert.True(vector.AsSpan<float>().IsEmpty);
        Assert.Empty(vector.AsReadOnlyStridedSpan<float>().ToArray());

        Assert.Equal([0L, 3L], matrix.Shape.ToArray());
        Assert.Equal([3L, 1L], matrix.Strides.ToArray());
        Assert.Equal(0, matrix.ElementCount);
        Assert.True(matrix.AsReadOnlySpan<float>().IsEmpty);
        matrix.AsStridedSpan<float>().Fill(1); // touches nothing
        Assert.Throws<ArgumentException>(() => DLPackTensor.FromArray(Array.Empty<float>(), 1, 3));
    }
}
