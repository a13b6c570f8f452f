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
        AssertAnchorGridOutput(output, anchors: 8400, inputSize: 640);
    }

    /// <summary>
    /// A working pose head writes, even for a plain grey image, box centres (rows 0 and 1) spread over the whole
    /// input (one per anchor of the 80, 40 and 20 grids), box widths of at least 0 (row 2) and person scores in
    /// 0..1 (row 4). An engine that writes zeros, or one value everywhere, fails here.
    /// </summary>
    private static void AssertAnchorGridOutput(ReadOnlySpan<float> output, int anchors, int inputSize)
    {
        var x = output.Slice(0, anchors);
        var y = output.Slice(anchors, anchors);
        var w = output.Slice(2 * anchors, anchors);
        var score = output.Slice(4 * anchors, anchors);
        Assert.True(MaxAbs(output) > 0, "the engine's output is all zeros");
        Assert.True(Min(x) < inputSize / 10f && Max(x) > inputSize * 0.9f, $"box centres x span {Min(x)}..{Max(x)}, not the {inputSize}-pixel input");
        Assert.True(Min(y) < inputSize / 10f && Max(y) > inputSize * 0.9f, $"box centres y span {Min(y)}..{Max(y)}, not the {inputSize}-pixel input");
        Assert.True(Min(w) >= 0 && Max(w) > 0, $"box widths span {Min(w)}..{Max(w)}");
        Assert.True(Min(score) >= 0 && Max(score) <= 1, $"person scores span {Min(score)}..{Max(score)}, outside 0..1");
    }

    private static float MaxAbs(ReadOnlySpan<float> v) => Math.Max(Math.Abs(Min(v)), Math.Abs(Max(v)));

    private static float Min(ReadOnlySpan<float> v)
    {
        var min = float.PositiveInfinity;
        foreach (var f in v)
        {
            min = Math.Min(min, f);
        }

        return min;
    }

    private static float Max(ReadOnlySpan<float> v)
    {
        var max = float.NegativeInfinity;
        foreach (var f in v)
        {
            max = Math.Max(max, f);
        }

        return max;
    }
}
