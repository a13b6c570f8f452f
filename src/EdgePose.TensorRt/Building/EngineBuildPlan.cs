using EdgePose.TensorRt.Building.Onnx;

namespace EdgePose.TensorRt.Building;

/// <summary>A validated engine build: absolute paths, flags, what the ONNX is, and the calibration images (if any).</summary>
public sealed record EngineBuildPlan(
    string OnnxPath,
    string OutputPath,
    EngineBuildFlags Flags,
    OnnxModelProbe Onnx,
    IReadOnlyList<InputProfile> InputProfiles,
    IReadOnlyList<string> CalibrationImages)
{
    public bool NeedsCalibration => CalibrationImages.Count > 0;
}
