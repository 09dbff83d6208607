using System.Runtime.CompilerServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>Strided views through every layout DLPack can describe: negative strides, zero strides (broadcasts), steps.</summary>
public sealed unsafe class StridedSpanTests
{
    private static readonly DLDataType Float64 = new(DLDataTypeCode.Float, 64);

    [Fact]
    public void Negative_strides_read_the_memory_backwards_from_the_last_element()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var reversed = DLPackTensor.FromPointer(Pinned.Address(data, 5), Float64, [6], [-1], owner: null);

        StridedSpan<double> view = reversed.AsStridedSpan<double>();
        view[5] = 100;

        Assert.Equal([5.0, 4.0, 3.0, 2.0, 1.0, 100.0], view.ToArray());
        Assert.Equal(100, data[0]);
        Assert.Equal(5, view[0]);
        Assert.Equal([(nint)(-8)], view.ByteStrides.ToArray());
        Assert.False(reversed.IsContiguous);
        Assert.False(view.IsContiguous);
        Assert.False(view.TryGetSpan(out _));
        Assert.Throws<InvalidOperationException>(() => { reversed.AsSpan<double>(); });
    }

    [Fact]
    public void Negative_and_positive_strides_mix_in_two_dimensions()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        // Each row of the 2x3 matrix read backwards: a[:, ::-1].
        using var mirrored = DLPackTensor.FromPointer(Pinned.Address(data, 2), Float64, [2, 3], [3, -1], owner: null);
        // Both dimensions backwards: a[::-1, ::-1].
        using var rotated = DLPackTensor.FromPointer(Pinned.Address(data, 5), Float64, [2, 3], [-3, -1], owner: null);

        Assert.Equal([2.0, 1.0, 0.0, 5.0, 4.0, 3.0], mirrored.AsReadOnlyStridedSpan<double>().ToArray());
        Assert.Equal([5.0, 4.0, 3.0, 2.0, 1.0, 0.0], rotated.AsReadOnlyStridedSpan<double>().ToArray());
        Assert.Equal(3, rotated.AsReadOnlyStridedSpan<double>()[0, 2]);
    }

    [Fact]
    public void Zero_strides_broadcast_one_row_to_every_row()
    {
        double[] row = Pinned.Array<double>(1, 2, 3);
        using var broadcast = DLPackTensor.FromPointer(Pinned.Address(row), Float64, [4, 3], [0, 1], owner: null);

        StridedSpan<double> view = broadcast.AsStridedSpan<double>();
        Assert.Equal(12, view.ElementCount);
        Assert.Equal([1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0], view.ToArray());

        view[2, 1] = 20;
        Assert.Equal(20, row[1]);
        Assert.Equal(20, view[0, 1]);
        Assert.True(Unsafe.AreSame(ref view[0, 2], ref view[3, 2]));

        view.Fill(7);
        Assert.Equal([7.0, 7.0, 7.0], row);
        Assert.False(broadcast.IsContiguous);
    }

    [Fact]
    public void Fill_writes_only_the_elements_a_step_reaches()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var everyOther = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [2], owner: null);

        everyOther.AsStridedSpan<double>().Fill(-1);

        Assert.Equal([-1.0, 1.0, -1.0, 3.0, -1.0, 5.0], data);
        Assert.Equal([-1.0, -1.0, -1.0], everyOther.AsReadOnlyStridedSpan<double>().ToArray());
    }

    [Fact]
    public void An_index_out_of_range_throws_IndexOutOfRangeException()
    {
        using var tensor = DLPackTensor.FromArray(new double[6], 2, 3);

        var error = Assert.Throws<IndexOutOfRangeException>(() => { _ = tensor.AsStridedSpan<double>()[2, 0]; });
        Assert.Contains("dimension 0 of length 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<IndexOutOfRangeException>(() => { _ = tensor.AsStridedSpan<double>()[0, 3]; });
        Assert.Throws<IndexOutOfRangeException>(() => { _ = tensor.AsStridedSpan<double>()[-1, 0]; });
        Assert.Throws<IndexOutOfRangeException>(() => { _ = tensor.AsReadOnlyStridedSpan<double>()[1, -1]; });
    }

    [Fact]
    public void The_wrong_number_of_indices_throws_ArgumentException()
    {
        using var tensor = DLPackTensor.FromArray(new double[6], 2, 3);

        var error = Assert.Throws<ArgumentException>(() => { _ = tensor.AsStridedSpan<double>()[1]; });
        Assert.Contains("2 dimensions; 1 indices", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => { _ = tensor.AsStridedSpan<double>()[0, 0, 0]; });
        Assert.Throws<ArgumentException>(() => { _ = tensor.AsReadOnlyStridedSpan<double>()[ReadOnlySpan<nint>.Empty]; });
    }

    [Fact]
    public void CopyTo_writes_row_major_order_and_refuses_a_short_destination()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        using var transposed = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3, 2], [1, 3], owner: null);

        double[] destination = [9, 9, 9, 9, 9, 9, 9];
        transposed.AsReadOnlyStridedSpan<double>().CopyTo(destination);
        Assert.Equal([0.0, 3.0, 1.0, 4.0, 2.0, 5.0, 9.0], destination);

        var error = Assert.Throws<ArgumentException>(() => transposed.AsStridedSpan<double>().CopyTo(new double[5]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void TryGetSpan_gives_the_same_memory_for_a_contiguous_view()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromArray(array, 3, 2);

        StridedSpan<double> view = tensor.AsStridedSpan<double>();
        Assert.True(view.IsContiguous);
        Assert.True(view.TryGetSpan(out Span<double> span));
        Assert.True(Unsafe.AreSame(ref span[0], ref array[0]));
        Assert.Equal(6, span.Length);

        ReadOnlyStridedSpan<double> readOnly = view; // the implicit conversion keeps the memory and layout
        Assert.True(readOnly.TryGetSpan(out ReadOnlySpan<double> readOnlySpan));
        Assert.Equal(array, readOnlySpan.ToArray());
        Assert.Equal(view.ByteStrides.ToArray(), readOnly.ByteStrides.ToArray());
    }
}
