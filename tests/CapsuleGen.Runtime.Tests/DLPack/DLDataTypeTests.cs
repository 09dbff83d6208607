using System.Numerics;
using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>Which .NET element types have a DLPack data type, and how data types print.</summary>
public sealed class DLDataTypeTests
{
    [Fact]
    public void Every_supported_element_type_has_its_DLPack_data_type()
    {
        Assert.Equal(new DLDataType(DLDataTypeCode.Float, 64), DLDataType.Of<double>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Float, 32), DLDataType.Of<float>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Float, 16), DLDataType.Of<Half>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 64), DLDataType.Of<long>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 32), DLDataType.Of<int>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 16), DLDataType.Of<short>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 8), DLDataType.Of<sbyte>());
        Assert.Equal(new DLDataType(DLDataTypeCode.UInt, 64), DLDataType.Of<ulong>());
        Assert.Equal(new DLDataType(DLDataTypeCode.UInt, 32), DLDataType.Of<uint>());
        Assert.Equal(new DLDataType(DLDataTypeCode.UInt, 16), DLDataType.Of<ushort>());
        Assert.Equal(new DLDataType(DLDataTypeCode.UInt, 8), DLDataType.Of<byte>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Int, 64), DLDataType.Of<nint>()); // 64-bit process
        Assert.Equal(new DLDataType(DLDataTypeCode.UInt, 64), DLDataType.Of<nuint>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Bool, 8), DLDataType.Of<bool>());
        Assert.Equal(new DLDataType(DLDataTypeCode.Complex, 128), DLDataType.Of<Complex>());
    }

    [Fact]
    public void Every_supported_data_type_has_one_lane_and_the_size_of_its_element_type()
    {
        Assert.Equal(1, DLDataType.Of<double>()!.Value.Lanes);
        Assert.Equal(sizeof(double), DLDataType.Of<double>()!.Value.ByteSize);
        Assert.Equal(sizeof(bool), DLDataType.Of<bool>()!.Value.ByteSize);
        Assert.Equal(16, DLDataType.Of<Complex>()!.Value.ByteSize);
        Assert.Equal(2, DLDataType.Of<Half>()!.Value.ByteSize);
    }

    [Fact]
    public void Types_DLPack_cannot_describe_have_no_data_type()
    {
        Assert.Null(DLDataType.Of<char>());
        Assert.Null(DLDataType.Of<decimal>());
        Assert.Null(DLDataType.Of<Int128>());
        Assert.Null(DLDataType.Of<Guid>());
        Assert.Null(DLDataType.Of<DLDevice>());
    }

    [Theory]
    [InlineData(DLDataTypeCode.Float, 64, 1, "float64")]
    [InlineData(DLDataTypeCode.Float, 32, 1, "float32")]
    [InlineData(DLDataTypeCode.Float, 16, 1, "float16")]
    [InlineData(DLDataTypeCode.UInt, 8, 1, "uint8")]
    [InlineData(DLDataTypeCode.Int, 32, 1, "int32")]
    [InlineData(DLDataTypeCode.Bool, 8, 1, "bool")]
    [InlineData(DLDataTypeCode.Complex, 128, 1, "complex128")]
    [InlineData(DLDataTypeCode.Bfloat, 16, 1, "bfloat16")]
    [InlineData(DLDataTypeCode.Float, 32, 4, "float32x4")]
    [InlineData(DLDataTypeCode.OpaqueHandle, 64, 1, "handle64")]
    public void A_data_type_prints_as_NumPy_names_it(DLDataTypeCode code, byte bits, ushort lanes, string expected)
    {
        Assert.Equal(expected, new DLDataType(code, bits, lanes).ToString());
    }

    [Theory]
    [InlineData(64, 1, 8)]
    [InlineData(32, 4, 16)]
    [InlineData(4, 1, 1)]  // a sub-byte element rounds up to a byte
    [InlineData(1, 12, 2)] // twelve one-bit lanes need two bytes
    public void ByteSize_rounds_bits_times_lanes_up_to_whole_bytes(byte bits, ushort lanes, int expected)
    {
        Assert.Equal(expected, new DLDataType(DLDataTypeCode.UInt, bits, lanes).ByteSize);
    }
}
