namespace EdgePose.Host.Run.Settings;

/// <summary>
/// Where frames are letterboxed and outputs decoded (section "Processing", --processing): see docs/gpu-processing.md.
/// </summary>
public sealed class ProcessingSettings
{
    /// <summary>auto (the GPU when a CUDA device is there and the kernels load, else the CPU), gpu or cpu.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>What Mode gpu does when the GPU cannot be used: cpu (warn and run on the CPU) or none (stop, exit code 1).</summary>
    public string Fallback { get; set; } = "cpu";

    /// <summary>CUDA ordinal of the GPU (0 on a Jetson).</summary>
    public int Device { get; set; }
}
