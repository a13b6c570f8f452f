using EdgePose.Native.Cuda;

namespace EdgePose.TensorRt.Compatibility;

/// <summary>Which GPU a plan was built for or is about to run on: its name and compute capability.</summary>
public sealed record GpuIdentity(string Name, ComputeCapability ComputeCapability)
{
    public override string ToString() => $"{Name} (compute {ComputeCapability})";
}
