using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>
/// Tensors another library produced: adopted, read through their own layout, and given back by
/// calling their deleter exactly once, even when adopting them fails.
/// </summary>
public sealed class DLPackTensorAdoptTests
{
    private static readonly double[] Values = [0, 1, 2, 3, 4, 5];

    /// <summary>How a test breaks a tensor before adopting it.</summary>
    public enum Breakage
    {
        NegativeRank,
        NoShape,
        NegativeLength,
        ZeroBits,
        ZeroLanes,
        StrideTooFar,
        NoMemory,
    }

    [Fact]
    public unsafe void A_legacy_tensor_is_read_in_place_and_its_deleter_runs_once_on_Dispose()
    {
        using var native = new NativeTensor(Values, [2, 3]);
        var tensor = DLPackTensor.Adopt(native.Legacy);

        Assert.Null(tensor.Version);
        Assert.False(tensor.IsReadOnly);
        Assert.Equal([2L, 3L], tensor.Shape.ToArray());
        Assert.Equal(Values, tensor.AsReadOnlySpan<double>().ToArray());
        tensor.AsSpan<double>()[5] = 50;
        Assert.Equal(50, native.Data[5]);
        Assert.Equal(0, native.Deletions);

        tensor.Dispose();
        tensor.Dispose();

        Assert.Equal(1, native.Deletions);
        Assert.Equal(Environment.CurrentManagedThreadId, native.DeleterThreadId); // Dispose gives it back on the calling thread
    }

    [Fact]
    public unsafe void A_versioned_tensor_keeps_its_version_and_its_deleter_runs_once_on_Dispose()
    {
        using var native = new NativeTensor(Values, [3, 2]);
        native.Versioned->Version = new DLPackVersion(1, 3); // a newer minor version is still read
        var tensor = DLPackTensor.Adopt(native.Versioned);

        Assert.Equal(new DLPackVersion(1, 3), tensor.Version);
        Assert.Equal(Values, tensor.AsReadOnlyStridedSpan<double>().ToArray());
        Assert.Equal(3, tensor.AsReadOnlyStridedSpan<double>()[1, 1]);

        tensor.Dispose();
        tensor.Dispose();

        Assert.Equal(1, native.Deletions);
    }

    /// <summary>Every breakage, for a legacy and a versioned tensor.</summary>
    public static TheoryData<Breakage, bool> Breakages()
    {
        var data = new TheoryData<Breakage, bool>();
        foreach (Breakage breakage in Enum.GetValues<Breakage>())
        {
            data.Add(breakage, false);
            data.Add(breakage, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public unsafe void An_invalid_tensor_throws_ArgumentException_after_its_deleter_ran_once(Breakage breakage, bool versioned)
    {
        using var native = new NativeTensor(Values, [2, 3], strides: [3, 1]);
        DLTensor* tensor = versioned ? &native.Versioned->Tensor : &native.Legacy->Tensor;
        switch (breakage)
        {
            case Breakage.NegativeRank: tensor->Ndim = -1; break;
            case Breakage.NoShape: tensor->Shape = null; break;
            case Breakage.NegativeLength: tensor->Shape[1] = -3; break;
            case Breakage.ZeroBits: tensor->DataType = new DLDataType(DLDataTypeCode.Float, 0); break;
            case Breakage.ZeroLanes: tensor->DataType = new DLDataType(DLDataTypeCode.Float, 64, 0); break;
            case Breakage.StrideTooFar: tensor->Strides[0] = long.MaxValue / 2; break;
            case Breakage.NoMemory: tensor->Data = null; break;
        }

        var error = Assert.Throws<ArgumentException>(() => versioned ? DLPackTensor.Adopt(native.Versioned) : DLPackTensor.Adopt(native.Legacy));

        Assert.Contains("Its deleter has run.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, native.Deletions);
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(0u)]
    public unsafe void A_versioned_tensor_of_another_major_version_is_refused_after_its_deleter_ran(uint major)
    {
        using var native = new NativeTensor(Values, [6]);
        native.Versioned->Version = new DLPackVersion(major, 0);

        var error = Assert.Throws<NotSupportedException>(() => DLPackTensor.Adopt(native.Versioned));

        Assert.Contains($"version {major}.0", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, native.Deletions);
    }

    [Fact]
    public unsafe void The_read_only_flag_makes_a_read_only_tensor()
    {
        using var native = new NativeTensor(Values, [2, 3], flags: DLPackFlags.ReadOnly | DLPackFlags.IsCopied);
        using var tensor = DLPackTensor.Adopt(native.Versioned);

        Assert.True(tensor.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => { tensor.AsSpan<double>(); });
        Assert.Throws<InvalidOperationException>(() => { tensor.AsStridedSpan<double>(); });
        Assert.Equal(Values, tensor.AsReadOnlySpan<double>().ToArray());
    }

    [Fact]
    public unsafe void The_byte_offset_is_where_the_first_element_is()
    {
        using var native = new NativeTensor(Values, [2, 3], leadingElements: 2);
        using var tensor = DLPackTensor.Adopt(native.Legacy);

        Assert.Equal(Values, tensor.AsReadOnlySpan<double>().ToArray());
        Assert.Equal(0, tensor.AsReadOnlyStridedSpan<double>()[0, 0]);

        // Exported again, data pointer and offset stay as the producer gave them: on a device whose
        // data is an opaque handle (OpenCL, Vulkan, Metal) only the offset may move it.
        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        Assert.True(exported->Tensor.Data == native.Data);
        Assert.Equal(2UL * sizeof(double), exported->Tensor.ByteOffset);
        exported->Deleter(exported);
    }

    [Fact]
    public unsafe void Null_strides_are_row_major_and_given_strides_are_followed()
    {
        using var compact = new NativeTensor(Values, [2, 3]);
        using var transposed = new NativeTensor(Values, [3, 2], strides: [1, 3]);
        using var rowMajor = DLPackTensor.Adopt(compact.Versioned);
        using var columnMajor = DLPackTensor.Adopt(transposed.Versioned);

        Assert.Equal([3L, 1L], rowMajor.Strides.ToArray());
        Assert.True(rowMajor.IsContiguous);
        Assert.Equal([1L, 3L], columnMajor.Strides.ToArray());
        Assert.False(columnMajor.IsContiguous);
        Assert.Equal([0.0, 3.0, 1.0, 4.0, 2.0, 5.0], columnMajor.AsReadOnlyStridedSpan<double>().ToArray());
    }

    [Fact]
    public unsafe void A_tensor_without_elements_may_have_no_memory()
    {
        using var native = new NativeTensor(Values, [0, 3]);
        native.Versioned->Tensor.Data = null;
        var tensor = DLPackTensor.Adopt(native.Versioned);

        Assert.Equal(0, tensor.ElementCount);
        Assert.True(tensor.AsReadOnlySpan<double>().IsEmpty);
        tensor.Dispose();
        Assert.Equal(1, native.Deletions);
    }

    [Fact]
    public unsafe void A_scalar_may_have_no_shape()
    {
        using var native = new NativeTensor([4.5], [1]);
        native.Legacy->Tensor.Ndim = 0;
        native.Legacy->Tensor.Shape = null;
        using var scalar = DLPackTensor.Adopt(native.Legacy);

        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, scalar.ElementCount);
        Assert.Equal(4.5, scalar.AsReadOnlySpan<double>()[0]);
    }

    [Fact]
    public unsafe void A_tensor_in_device_memory_is_adopted_but_not_read()
    {
        using var native = new NativeTensor(Values, [6]);
        native.Versioned->Tensor.Device = new DLDevice(DLDeviceType.Cuda, 0);
        var tensor = DLPackTensor.Adopt(native.Versioned);

        Assert.Equal(new DLDevice(DLDeviceType.Cuda, 0), tensor.Device);
        var error = Assert.Throws<NotSupportedException>(() => { tensor.AsReadOnlySpan<double>(); });
        Assert.Contains("cuda:0", error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => { tensor.AsReadOnlyStridedSpan<double>(); });

        tensor.Dispose();
        Assert.Equal(1, native.Deletions);
    }

    [Fact]
    public unsafe void A_tensor_without_a_deleter_is_adopted_and_disposed()
    {
        using var native = new NativeTensor(Values, [6]);
        native.Legacy->Deleter = null;
        var tensor = DLPackTensor.Adopt(native.Legacy);

        Assert.Equal(Values, tensor.AsReadOnlySpan<double>().ToArray());
        tensor.Dispose();
        Assert.Equal(0, native.Deletions);
    }

    [Fact]
    public async Task An_adopted_tensor_exported_again_is_given_back_when_the_export_is_deleted()
    {
        using var native = new NativeTensor(Values, [6]);
        nint exported = AdoptExportAndDispose(native);
        Assert.Equal(0, native.Deletions);

        DeleteVersioned(exported);

        Assert.True(await Eventually.Holds(() => native.Deletions > 0), "The adopted tensor's deleter never ran.");
        Assert.True(native.DeletedOnThreadPool);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, native.Deletions);
    }

    [Fact]
    public unsafe void Adopting_null_throws()
    {
        Assert.Throws<ArgumentNullException>(() => DLPackTensor.Adopt((DLManagedTensor*)null));
        Assert.Throws<ArgumentNullException>(() => DLPackTensor.Adopt((DLManagedTensorVersioned*)null));
    }

    private static unsafe nint AdoptExportAndDispose(NativeTensor native)
    {
        var tensor = DLPackTensor.Adopt(native.Legacy);
        DLManagedTensorVersioned* exported = tensor.ToManagedTensorVersioned();
        tensor.Dispose();
        return (nint)exported;
    }

    private static unsafe void DeleteVersioned(nint exported)
    {
        var managed = (DLManagedTensorVersioned*)exported;
        managed->Deleter(managed);
    }
}
