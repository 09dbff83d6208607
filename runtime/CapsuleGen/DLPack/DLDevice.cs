using System.Runtime.InteropServices;

namespace CapsuleGen.DLPack;

/// <summary>DLPack's <c>DLDeviceType</c>: where a tensor's memory lives.</summary>
public enum DLDeviceType
{
    /// <summary>Ordinary host memory.</summary>
    Cpu = 1,
    /// <summary>CUDA device memory.</summary>
    Cuda = 2,

    /// <summary>Host memory pinned by CUDA (<c>cudaMallocHost</c>): readable by the CPU.</summary>
    CudaHost = 3,
    /// <summary>OpenCL device memory.</summary>
    OpenCL = 4,
    /// <summary>Vulkan device memory.</summary>
    Vulkan = 7,
    /// <summary>Metal device memory.</summary>
    Metal = 8,
    /// <summary>Verilator VPI memory.</summary>
    Vpi = 9,
    /// <summary>ROCm device memory.</summary>
    Rocm = 10,

    /// <summary>Host memory pinned by ROCm: readable by the CPU.</summary>
    RocmHost = 11,
    /// <summary>A device DLPack reserves for extensions.</summary>
    ExtDev = 12,
    /// <summary>CUDA managed (unified) memory.</summary>
    CudaManaged = 13,
    /// <summary>oneAPI (SYCL) device memory.</summary>
    OneApi = 14,
    /// <summary>WebGPU device memory.</summary>
    WebGpu = 15,
    /// <summary>Qualcomm Hexagon DSP memory.</summary>
    Hexagon = 16,
    /// <summary>Microsoft MAIA device memory.</summary>
    Maia = 17,
}

/// <summary>DLPack's <c>DLDevice</c>: a device type and the device's index among those of its type.</summary>
/// <param name="DeviceType">The kind of device.</param>
/// <param name="DeviceId">Which device of that kind: 0 for the host.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct DLDevice(DLDeviceType DeviceType, int DeviceId)
{
    /// <summary>The host: where every .NET array lives.</summary>
    public static DLDevice Cpu => new(DLDeviceType.Cpu, 0);

    /// <summary>Whether the CPU can read and write the memory directly (host memory, pinned or not).</summary>
    public bool IsHostAccessible => DeviceType is DLDeviceType.Cpu or DLDeviceType.CudaHost or DLDeviceType.RocmHost;

    /// <summary>As array libraries print a device: <c>cpu</c>, <c>cuda:0</c>, <c>device type 99:1</c> for one DLPack does not name.</summary>
    public override string ToString()
    {
        string type = DeviceType switch
        {
            DLDeviceType.Cpu => "cpu",
            DLDeviceType.Cuda => "cuda",
            DLDeviceType.CudaHost => "cuda_host",
            DLDeviceType.OpenCL => "opencl",
            DLDeviceType.Vulkan => "vulkan",
            DLDeviceType.Metal => "metal",
            DLDeviceType.Vpi => "vpi",
            DLDeviceType.Rocm => "rocm",
            DLDeviceType.RocmHost => "rocm_host",
            DLDeviceType.ExtDev => "ext_dev",
            DLDeviceType.CudaManaged => "cuda_managed",
            DLDeviceType.OneApi => "oneapi",
            DLDeviceType.WebGpu => "webgpu",
            DLDeviceType.Hexagon => "hexagon",
            DLDeviceType.Maia => "maia",
            _ => "device type " + ((int)DeviceType).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return DeviceType == DLDeviceType.Cpu && DeviceId == 0 ? type : type + ":" + DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
