using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda;

/// <summary>
/// CUDA_MEMCPY2D of cuda.h, field for field (128 bytes on 64-bit): a copy of Height rows of WidthInBytes
/// bytes between pitched host or device memory.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CudaMemcpy2D
{
    public const int MemoryTypeHost = 1;    // CU_MEMORYTYPE_HOST
    public const int MemoryTypeDevice = 2;  // CU_MEMORYTYPE_DEVICE

    public nuint SrcXInBytes;
    public nuint SrcY;
    public int SrcMemoryType;
    public nint SrcHost;
    public ulong SrcDevice;
    public nint SrcArray;
    public nuint SrcPitch;

    public nuint DstXInBytes;
    public nuint DstY;
    public int DstMemoryType;
    public nint DstHost;
    public ulong DstDevice;
    public nint DstArray;
    public nuint DstPitch;

    public nuint WidthInBytes;
    public nuint Height;
}
