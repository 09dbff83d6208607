using CapsuleGen.DLPack;

namespace CapsuleGen.Runtime.Tests.DLPack;

/// <summary>How devices print, and which of them the CPU can read.</summary>
public sealed class DLDeviceTests
{
    [Theory]
    [InlineData(DLDeviceType.Cpu, 0, "cpu")]
    [InlineData(DLDeviceType.Cpu, 1, "cpu:1")]
    [InlineData(DLDeviceType.Cuda, 0, "cuda:0")]
    [InlineData(DLDeviceType.Cuda, 3, "cuda:3")]
    [InlineData(DLDeviceType.CudaHost, 0, "cuda_host:0")]
    [InlineData(DLDeviceType.Rocm, 1, "rocm:1")]
    [InlineData((DLDeviceType)99, 1, "device type 99:1")]
    public void A_device_prints_as_array_libraries_print_it(DLDeviceType type, int id, string expected)
    {
        Assert.Equal(expected, new DLDevice(type, id).ToString());
    }

    [Fact]
    public void Cpu_is_device_zero_of_type_cpu()
    {
        Assert.Equal(new DLDevice(DLDeviceType.Cpu, 0), DLDevice.Cpu);
        Assert.Equal("cpu", DLDevice.Cpu.ToString());
    }

    [Theory]
    [InlineData(DLDeviceType.Cpu, true)]
    [InlineData(DLDeviceType.CudaHost, true)]
    [InlineData(DLDeviceType.RocmHost, true)]
    [InlineData(DLDeviceType.Cuda, false)]
    [InlineData(DLDeviceType.CudaManaged, false)]
    [InlineData(DLDeviceType.OpenCL, false)]
    public void Only_host_memory_is_host_accessible(DLDeviceType type, bool expected)
    {
        Assert.Equal(expected, new DLDevice(type, 0).IsHostAccessible);
    }
}
