using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Loading;
using EdgePose.TensorRt.Runtime;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Runtime;

/// <summary>Where TensorRT is not installed (CI, laptops), everything that needs it says so in one line.</summary>
public sealed class TensorRtAbsentTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt");

    public void Dispose() => Directory.Delete(_dir, true);

    [WithoutTensorRtFact]
    public void Availability_check_says_tensorrt_was_not_found_on_this_machine()
    {
        Assert.False(TensorRtLibrary.IsAvailable(out var why));

        Assert.StartsWith("TensorRT was not found on this machine", why, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', why!);
    }

    [WithoutTensorRtFact]
    public void Building_an_engine_fails_saying_tensorrt_was_not_found()
    {
        var onnx = Path.Combine(_dir, "m.onnx");
        File.WriteAllBytes(onnx, OnnxBytes.Tiny().ToBytes());
        var plan = new EngineBuildArguments { Onnx = onnx, Fp16 = true }.Validate();

        var e = Assert.Throws<TensorRtNotFoundException>(() => EngineBuilder.Build(plan));

        Assert.StartsWith("TensorRT was not found on this machine", e.Message, StringComparison.Ordinal);
    }

    [WithoutTensorRtFact]
    public void Loading_an_engine_fails_saying_tensorrt_was_not_found()
    {
        var path = EngineFixtures.WritePlan(_dir, EngineFixtures.PlanBytes(), null);

        Assert.Throws<TensorRtNotFoundException>(() => TensorRtEngineLoader.Load(path));
    }
}
