using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda;

/// <summary>One CUDA GPU as the driver describes it. On a Jetson there is exactly one, ordinal 0.</summary>
public sealed class CudaDevice
{
    private CudaDevice(int ordinal, int handle, string name, ComputeCapability capability, bool integrated, ulong totalMemory)
    {
        Ordinal = ordinal;
        Handle = handle;
        Name = name;
        ComputeCapability = capability;
        IsIntegrated = integrated;
        TotalMemory = totalMemory;
    }

    public int Ordinal { get; }

    /// <summary>The driver's CUdevice.</summary>
    internal int Handle { get; }

    /// <summary>E.g. "Orin", "NVIDIA H100 80GB HBM3".</summary>
    public string Name { get; }

    public ComputeCapability ComputeCapability { get; }

    /// <summary>True for Jetson's GPU, which shares memory with the CPU.</summary>
    public bool IsIntegrated { get; }

    public ulong TotalMemory { get; }

    public static int Count
    {
        get
        {
            CudaDriver.Initialize();
            CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGetCount(out var n), "cuDeviceGetCount");
            return n;
        }
    }

    /// <summary>The GPU with CUDA ordinal <paramref name="ordinal"/>; throws <see cref="CudaException"/> when there is none.</summary>
    public static unsafe CudaDevice Get(int ordinal = 0)
    {
        CudaDriver.Initialize();
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGet(out var handle, ordinal), $"cuDeviceGet({ordinal})");
        const int nameCapacity = 256;
        var name = stackalloc byte[nameCapacity];
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGetName(name, nameCapacity, handle), "cuDeviceGetName");
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGetAttribute(out var major, CudaDriverApi.AttributeComputeCapabilityMajor, handle), "cuDeviceGetAttribute");
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGetAttribute(out var minor, CudaDriverApi.AttributeComputeCapabilityMinor, handle), "cuDeviceGetAttribute");
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceGetAttribute(out var integrated, CudaDriverApi.AttributeIntegrated, handle), "cuDeviceGetAttribute");
        CudaException.ThrowIfFailed(CudaDriverApi.cuDeviceTotalMem(out var bytes, handle), "cuDeviceTotalMem");
        return new CudaDevice(
            ordinal,
            handle,
            Marshal.PtrToStringUTF8((nint)name) ?? "",
            new ComputeCapability(major, minor),
            integrated != 0,
            bytes);
    }

    /// <summary>Retains the device's primary context, the one the CUDA runtime (and so TensorRT) uses.</summary>
    public CudaPrimaryContext RetainPrimaryContext() => CudaPrimaryContext.Retain(this);

    public override string ToString() => $"{Name} (compute {ComputeCapability})";
}
