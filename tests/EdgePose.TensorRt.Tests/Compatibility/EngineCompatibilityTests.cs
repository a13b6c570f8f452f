using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Runtime;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Compatibility;

public class EngineCompatibilityTests
{
    private const string Plan = "/opt/edgepose/yolo11n-pose.fp16.engine";
    private static readonly EngineSidecar BuiltOnOrin = EngineFixtures.Sidecar(EngineFixtures.PlanBytes());

    [Fact]
    public void Same_tensorrt_and_gpu_is_compatible_without_warning()
    {
        var verdict = EngineCompatibility.Check(Plan, BuiltOnOrin, EngineFixtures.Orin);

        Assert.Same(CompatibilityVerdict.Compatible, verdict);
    }

    [Fact]
    public void Engine_built_with_another_tensorrt_version_is_refused_with_the_rebuild_command()
    {
        var jetPack5 = EngineFixtures.Orin with { TensorRt = new TensorRtVersion(8, 5, 2) };

        var verdict = EngineCompatibility.Check(Plan, BuiltOnOrin, jetPack5);

        Assert.False(verdict.IsCompatible);
        Assert.Equal(
            $"{Plan} was built with TensorRT 10.3.0 but this machine has TensorRT 8.5.2; rebuild it here with: edgepose build-engine --onnx /models/yolo11n-pose.onnx --fp16 --out {Plan}",
            verdict.Problem);
    }

    [Fact]
    public void A_patch_release_apart_is_another_tensorrt_version()
    {
        var verdict = EngineCompatibility.Check(Plan, BuiltOnOrin, EngineFixtures.Orin with { TensorRt = new TensorRtVersion(10, 3, 1) });

        Assert.False(verdict.IsCompatible);
    }

    [Fact]
    public void Engine_built_for_another_gpu_is_refused_naming_both_gpus()
    {
        var xavier = EngineFixtures.Orin with { Gpu = new GpuIdentity("Xavier", new ComputeCapability(7, 2)) };

        var verdict = EngineCompatibility.Check(Plan, BuiltOnOrin, xavier);

        Assert.False(verdict.IsCompatible);
        Assert.StartsWith($"{Plan} was built for Orin (compute 8.7) but this GPU is Xavier (compute 7.2); rebuild it here with: edgepose build-engine", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_gpu_model_of_the_same_compute_capability_runs_with_a_warning()
    {
        var otherOrin = EngineFixtures.Orin with { Gpu = new GpuIdentity("NVIDIA Jetson AGX Orin", new ComputeCapability(8, 7)) };

        var verdict = EngineCompatibility.Check(Plan, BuiltOnOrin, otherOrin);

        Assert.True(verdict.IsCompatible);
        Assert.Null(verdict.Problem);
        Assert.Contains("same compute capability 8.7", verdict.Warning, StringComparison.Ordinal);
        Assert.Contains("edgepose build-engine", verdict.Warning, StringComparison.Ordinal);
    }
}
