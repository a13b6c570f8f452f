using EdgePose.TensorRt.Files;

namespace EdgePose.TensorRt.Building;

/// <summary>What a build wrote: the plan, its sidecar, and the sidecar's contents.</summary>
public sealed record EngineBuildResult(string PlanPath, string SidecarPath, EngineSidecar Sidecar, TimeSpan Duration)
{
    /// <summary>Calibration images that could not be read, each with its reason; the next images took their place.</summary>
    public IReadOnlyList<string> SkippedCalibrationImages { get; init; } = [];
}
