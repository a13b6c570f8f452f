using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>ept_build_options: how to build an engine from ONNX. Strings are UTF-8, owned by the caller.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtBuildOptions
{
    /// <summary>Must be sizeof(ept_build_options); <see cref="Create"/> sets it.</summary>
    public uint StructSize;
    public uint PrecisionFlags;
    public ulong WorkspaceBytes;
    public int DlaCore;
    public int MaxBatch;
    public int OptimizationLevel;
    public int InputProfileCount;
    public TrtInputProfile* InputProfiles;
    public byte* TimingCachePath;
    public TrtCalibrator* Calibrator;

    /// <summary>(user, phase, parent phase or null, step (-1: phase finished), steps) -> non-zero cancels.</summary>
    public delegate* unmanaged<nint, byte*, byte*, int, int, int> Progress;
    public nint ProgressUser;

    /// <summary>Defaults: FP32, TensorRT's workspace and optimisation level, GPU only, batch 1.</summary>
    public static TrtBuildOptions Create() => new()
    {
        StructSize = (uint)sizeof(TrtBuildOptions),
        DlaCore = -1,
        MaxBatch = 1,
        OptimizationLevel = -1,
    };
}
