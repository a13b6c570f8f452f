using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>ept_gpu_info: the GPU as the CUDA runtime (TensorRT's view) describes it.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtGpuInfo
{
    /// <summary>UTF-8, null-terminated; read with <see cref="TrtText.FromFixed"/>.</summary>
    public fixed byte Name[TrtAbi.NameCapacity];
    public int ComputeMajor;
    public int ComputeMinor;
    public int Integrated;
    public int DeviceCount;
    public ulong TotalMemory;
    public int CudaDriverVersion;
    public int DlaCores;
}
