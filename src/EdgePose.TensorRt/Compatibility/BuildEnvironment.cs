namespace EdgePose.TensorRt.Compatibility;

using EdgePose.TensorRt.Runtime;

/// <summary>The TensorRT version and GPU of a machine: what a plan was built with, or what runs it.</summary>
public sealed record BuildEnvironment(TensorRtVersion TensorRt, GpuIdentity Gpu)
{
    /// <summary>This machine, as the TensorRT wrapper sees it (TensorRT loaded at run time, CUDA GPU <paramref name="device"/>).</summary>
    public static BuildEnvironment Current(int device = 0) => new(TensorRtLibrary.Version, TensorRtLibrary.GetGpu(device));
}
