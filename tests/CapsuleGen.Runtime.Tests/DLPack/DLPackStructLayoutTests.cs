using System.Runtime.InteropServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>The C# structs have the C layout of the DLPack 1.0 ABI on a 64-bit platform, field for field.</summary>
public sealed unsafe class DLPackStructLayoutTests
{
    [Fact]
    public void The_structs_have_the_sizes_of_their_C_counterparts()
    {
        Assert.Equal(8, sizeof(DLDevice));
        Assert.Equal(4, sizeof(DLDataType));
        Assert.Equal(8, sizeof(DLPackVersion));
        Assert.Equal(48, sizeof(DLTensor));
        Assert.Equal(64, sizeof(DLManagedTensor));
        Assert.Equal(80, sizeof(DLManagedTensorVersioned));
        Assert.Equal(8, sizeof(DLPackFlags));
    }

    [Fact]
    public void DLTensor_fields_are_at_the_C_offsets()
    {
        DLTensor tensor = default;
        byte* start = (byte*)&tensor;

        Assert.Equal(0, (byte*)&tensor.Data - start);
        Assert.Equal(8, (byte*)&tensor.Device - start);
        Assert.Equal(16, (byte*)&tensor.Ndim - start);
        Assert.Equal(20, (byte*)&tensor.DataType - start);
        Assert.Equal(24, (byte*)&tensor.Shape - start);
        Assert.Equal(32, (byte*)&tensor.Strides - start);
        Assert.Equal(40, (byte*)&tensor.ByteOffset - start);
    }

    [Fact]
    public void The_managed_tensors_fields_are_at_the_C_offsets()
    {
        DLManagedTensor legacy = default;
        DLManagedTensorVersioned versioned = default;

        Assert.Equal(0, (byte*)&legacy.Tensor - (byte*)&legacy);
        Assert.Equal(48, (byte*)&legacy.ManagerContext - (byte*)&legacy);
        Assert.Equal(56, (byte*)&legacy.Deleter - (byte*)&legacy);

        Assert.Equal(0, (byte*)&versioned.Version - (byte*)&versioned);
        Assert.Equal(8, (byte*)&versioned.ManagerContext - (byte*)&versioned);
        Assert.Equal(16, (byte*)&versioned.Deleter - (byte*)&versioned);
        Assert.Equal(24, (byte*)&versioned.Flags - (byte*)&versioned);
        Assert.Equal(32, (byte*)&versioned.Tensor - (byte*)&versioned);
    }

    [Fact]
    public void The_small_structs_keep_their_fields_in_C_order()
    {
        DLDataType dataType = new(DLDataTypeCode.Float, 32, 0x0102);
        DLDevice device = new(DLDeviceType.Cuda, 3);
        DLPackVersion version = new(1, 2);

        Assert.Equal(new byte[] { 2, 32, 0x02, 0x01 }, MemoryMarshal.AsBytes(new ReadOnlySpan<DLDataType>(in dataType)).ToArray());
        Assert.Equal(new byte[] { 2, 0, 0, 0, 3, 0, 0, 0 }, MemoryMarshal.AsBytes(new ReadOnlySpan<DLDevice>(in device)).ToArray());
        Assert.Equal(new byte[] { 1, 0, 0, 0, 2, 0, 0, 0 }, MemoryMarshal.AsBytes(new ReadOnlySpan<DLPackVersion>(in version)).ToArray());
    }

    [Fact]
    public void The_flags_have_the_DLPack_bit_values()
    {
        Assert.Equal(1UL, (ulong)DLPackFlags.ReadOnly);
        Assert.Equal(2UL, (ulong)DLPackFlags.IsCopied);
        Assert.Equal(4UL, (ulong)DLPackFlags.IsSubbyteTypePadded);
        Assert.Equal("1.0", DLPackVersion.Current.ToString());
    }
}
