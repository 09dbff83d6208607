using System.Runtime.CompilerServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>The typed views of a tensor: the same memory, never a copy, and refused with a message that says why.</summary>
public sealed unsafe class DLPackTensorSpanTests
{
    private static readonly DLDataType Float64 = new(DLDataTypeCode.Float, 64);

    [Fact]
    public void A_span_is_the_array_itself()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromArray(array, 2, 3);

        Span<double> span = tensor.AsSpan<double>();
        span[4] = 40;
        array[1] = 10;

        Assert.Equal(6, span.Length);
        Assert.True(Unsafe.AreSame(ref span[0], ref array[0]));
        Assert.Equal(40, array[4]);
        Assert.Equal(10, span[1]);
        Assert.Equal(10, tensor.AsReadOnlySpan<double>()[1]);
    }

    [Fact]
    public void A_strided_span_reaches_the_array_by_row_and_column()
    {
        double[] array = [0, 1, 2, 3, 4, 5];
        using var tensor = DLPackTensor.FromArray(array, 2, 3);

        StridedSpan<double> view = tensor.AsStridedSpan<double>();
        view[1, 0] = 30;

        Assert.Equal(2, view.Rank);
        Assert.Equal([(nint)2, 3], view.Lengths.ToArray());
        Assert.Equal([(nint)24, 8], view.ByteStrides.ToArray());
        Assert.Equal(30, array[3]);
        Assert.Equal(5, view[1, 2]);
        Assert.Equal(5, tensor.AsReadOnlyStridedSpan<double>()[1, 2]);
        Assert.True(Unsafe.AreSame(ref view[0, 1], ref array[1]));
    }

    [Fact]
    public void The_wrong_element_type_throws_InvalidCastException_naming_both_types()
    {
        using var tensor = DLPackTensor.FromArray(new double[6], 2, 3);

        var error = Assert.Throws<InvalidCastException>(() => { tensor.AsSpan<float>(); });
        Assert.Contains("float32", error.Message, StringComparison.Ordinal);
        Assert.Contains("float64", error.Message, StringComparison.Ordinal);

        Assert.Contains("int64", Assert.Throws<InvalidCastException>(() => { tensor.AsReadOnlySpan<long>(); }).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => { tensor.AsStridedSpan<float>(); });
        Assert.Throws<InvalidCastException>(() => { tensor.AsReadOnlyStridedSpan<ulong>(); });
        Assert.Throws<NotSupportedException>(() => { tensor.AsSpan<char>(); }); // not a DLPack type at all
    }

    [Fact]
    public void A_read_only_tensor_gives_read_only_views_and_refuses_writable_ones()
    {
        double[] array = [0, 1, 2, 3];
        using var tensor = DLPackTensor.FromMemory((ReadOnlyMemory<double>)array, 2, 2);

        var error = Assert.Throws<InvalidOperationException>(() => { tensor.AsSpan<double>(); });
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => { tensor.AsStridedSpan<double>(); });

        Assert.Equal(array, tensor.AsReadOnlySpan<double>().ToArray());
        Assert.Equal(3, tensor.AsReadOnlyStridedSpan<double>()[1, 1]);
    }

    [Fact]
    public void A_strided_tensor_has_no_span_but_a_strided_span()
    {
        double[] data = Pinned.Array<double>(0, 1, 2, 3, 4, 5);
        // The transpose of the 2x3 row-major matrix: column-major 3x2.
        using var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3, 2], [1, 3], owner: null);

        var error = Assert.Throws<InvalidOperationException>(() => { tensor.AsSpan<double>(); });
        Assert.Contains("contiguous", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => { tensor.AsReadOnlySpan<double>(); });

        StridedSpan<double> view = tensor.AsStridedSpan<double>();
        Assert.Equal([0.0, 3.0, 1.0, 4.0, 2.0, 5.0], view.ToArray());
        view[2, 0] = 20;
        Assert.Equal(20, data[2]);
        Assert.False(view.IsContiguous);
        Assert.False(view.TryGetSpan(out _));
    }

    [Fact]
    public void A_disposed_tensor_gives_no_views_and_a_second_Dispose_does_nothing()
    {
        var owner = new CountingOwner();
        double[] data = Pinned.Array<double>(1, 2, 3);
        var tensor = DLPackTensor.FromPointer(Pinned.Address(data), Float64, [3], [], owner);

        tensor.Dispose();
        tensor.Dispose();

        Assert.True(tensor.IsDisposed);
        Assert.Equal(1, owner.Disposals);
        Assert.Throws<ObjectDisposedException>(() => { tensor.AsSpan<double>(); });
        Assert.Throws<ObjectDisposedException>(() => { tensor.AsReadOnlySpan<double>(); });
        Assert.Throws<ObjectDisposedException>(() => { tensor.AsStridedSpan<double>(); });
        Assert.Throws<ObjectDisposedException>(() => { tensor.AsReadOnlyStridedSpan<double>(); });
        Assert.Throws<ObjectDisposedException>(() => tensor.ToManagedTensor());
        Assert.Throws<ObjectDisposedException>(() => tensor.ToManagedTensorVersioned());
        Assert.EndsWith(", disposed", tensor.ToString(), StringComparison.Ordinal);
        // What describes the tensor stays readable.
        Assert.Equal([3L], tensor.Shape.ToArray());
    }
}
