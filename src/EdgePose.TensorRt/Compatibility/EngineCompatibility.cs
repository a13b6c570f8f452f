using EdgePose.TensorRt.Files;

namespace EdgePose.TensorRt.Compatibility;

/// <summary>
/// Decides from a plan's sidecar whether it runs on this machine. TensorRT loads a plan only into the
/// TensorRT version that built it (major.minor.patch) and, unless built hardware-compatible, only on a
/// GPU of the same compute capability. A different GPU model of the same compute capability loads,
/// though its kernels were timed elsewhere: that is a warning.
/// </summary>
public static class EngineCompatibility
{
    public static CompatibilityVerdict Check(string planPath, EngineSidecar sidecar, BuildEnvironment here)
    {
        var rebuild = RebuildCommand.For(planPath, sidecar.Build, sidecar.OnnxPath);
        var built = sidecar.Environment;
        if (built.TensorRt != here.TensorRt)
        {
            return new CompatibilityVerdict(false,
                $"{planPath} was built with TensorRT {built.TensorRt} but this machine has TensorRT {here.TensorRt}; rebuild it here with: {rebuild}", null);
        }

        if (built.Gpu.ComputeCapability != here.Gpu.ComputeCapability)
        {
            return new CompatibilityVerdict(false,
                $"{planPath} was built for {built.Gpu} but this GPU is {here.Gpu}; rebuild it here with: {rebuild}", null);
        }

        if (!string.Equals(built.Gpu.Name, here.Gpu.Name, StringComparison.Ordinal))
        {
            return new CompatibilityVerdict(true, null,
                $"{planPath} was built on {built.Gpu.Name}, this GPU is {here.Gpu.Name} (same compute capability {here.Gpu.ComputeCapability}): it runs, but rebuild it here for the best speed with: {rebuild}");
        }

        return CompatibilityVerdict.Compatible;
    }
}
