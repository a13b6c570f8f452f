using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Loading;
using EdgePose.TensorRt.Runtime;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Runtime;

/// <summary>Real TensorRT on a real GPU: skipped with the reason wherever either is missing.</summary>
public sealed class TensorRtEngineTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt");

    public void Dispose() => Directory.Delete(_dir, true);

    [RequiresTensorRtFact]
    public void Onnx_the_parser_rejects_fails_with_tensorrts_own_error_text()
    {
        var onnx = Path.Combine(_dir, "unknown-op.onnx");
        File.WriteAllBytes(onnx, OnnxBytes.Tiny().Node("EdgePoseNoSuchOperator", ["output0"], ["extra"]).ToBytes());
        var plan = new EngineBuildArguments { Onnx = onnx }.Validate();

        var e = Assert.Throws<InputException>(() => EngineBuilder.Build(plan));

        Assert.StartsWith($"TensorRT's ONNX parser rejected {onnx}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("EdgePoseNoSuchOperator", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RequiresTensorRtFact]
    public void Corrupt_plan_is_refused_with_tensorrts_reason_and_the_rebuild_command()
    {
        var path = EngineFixtures.WritePlan(_dir, EngineFixtures.PlanBytes(4096), null);

        var e = Assert.Throws<InputException>(() => TensorRtEngineLoader.Load(path));

        Assert.Contains("TensorRT could not load the plan", e.Message, StringComparison.Ordinal);
        Assert.Contains("rebuild it here with: edgepose build-engine", e.Message, StringComparison.Ordinal);
    }

    [RequiresTensorRtFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Quantised_pose_model_builds_to_a_plan_that_loads_and_runs()
    {
        var plan = new EngineBuildArguments { Onnx = TestPaths.FloatHeadModel, Int8 = true, Output = Path.Combine(_dir, "pose.engine") }.Validate();
        var progress = new List<EngineBuildProgress>();

        var result = EngineBuilder.Build(plan, new Progress<EngineBuildProgress>(progress.Add));

        Assert.True(File.Exists(result.PlanPath));
        var sidecar = EngineSidecarJson.Read(File.ReadAllText(result.SidecarPath), result.SidecarPath);
        Assert.Equal(TensorRtLibrary.Version, sidecar.TensorRt);
        Assert.Equal("pose", sidecar.ModelMetadata["task"]);

        using var engine = TensorRtEngineLoader.Load(result.PlanPath);
        Assert.Equal(new TensorShape([1, 3, 640, 640]), Assert.Single(engine.Inputs).Shape);
        Assert.Equal(new TensorShape([1, 56, 8400]), Assert.Single(engine.Outputs).Shape);
        Assert.Equal("pose", engine.Metadata.Task);
        using var set = engine.CreateBufferSet();
        set.InputSlot(0).Fill(114f / 255f);
        Assert.True(engine.Enqueue(set, 1).Wait(TimeSpan.FromMinutes(1)));
        var output = set.Output(0, out var shape);
        Assert.Equal(56 * 8400, output.Length);
        Assert.Equal(new TensorShape([1, 56, 8400]), shape);
        Assert.All(output.ToArray(), v => Assert.True(float.IsFinite(v)));
    }
}
