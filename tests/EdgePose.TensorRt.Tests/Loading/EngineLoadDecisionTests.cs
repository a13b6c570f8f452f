using EdgePose.Core.Errors;
using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Loading;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Loading;

public sealed class EngineLoadDecisionTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt");
    private readonly string _onnx;
    private readonly string _plan;
    private readonly EngineFile _file;

    public EngineLoadDecisionTests()
    {
        _onnx = Path.Combine(_dir, "m.onnx");
        var bytes = EngineFixtures.PlanBytes();
        var flags = new EngineBuildFlags { Precision = EnginePrecision.Int8, Batch = 2 };
        _plan = EngineFixtures.WritePlan(_dir, bytes, EngineFixtures.Sidecar(bytes, flags: flags, onnx: _onnx));
        _file = EngineFileReader.Read(_plan);
    }

    private static EngineLoadOptions Auto => new() { RebuildAutomatically = true };

    private static EngineLoadOptions Manual => new();

    private string OnnxSha => _file.Sidecar!.OnnxSha256;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Compatible_engine_is_loaded()
    {
        var d = EngineLoadDecision.Decide(_plan, _file, null, CompatibilityVerdict.Compatible, OnnxSha, Manual);

        Assert.False(d.Rebuild);
        Assert.Null(d.Warning);
    }

    [Fact]
    public void Incompatible_engine_fails_with_the_verdict_when_rebuilding_is_off()
    {
        var verdict = new CompatibilityVerdict(false, "built for another GPU; rebuild it here with: edgepose build-engine ...", null);

        var e = Assert.Throws<InputException>(() => EngineLoadDecision.Decide(_plan, _file, null, verdict, OnnxSha, Manual));

        Assert.Equal(verdict.Problem, e.Message);
    }

    [Fact]
    public void Incompatible_engine_is_rebuilt_in_place_with_its_recorded_flags_when_rebuilding_is_on()
    {
        var verdict = new CompatibilityVerdict(false, "built with TensorRT 8.6.2", null);

        var d = EngineLoadDecision.Decide(_plan, _file, null, verdict, OnnxSha, Auto);

        Assert.True(d.Rebuild);
        Assert.Equal("built with TensorRT 8.6.2", d.Reason);
        Assert.Equal(_plan, d.RebuildArguments!.Output);
        Assert.Equal(_onnx, d.RebuildArguments.Onnx);
        Assert.True(d.RebuildArguments.Int8);
        Assert.Equal(2, d.RebuildArguments.Batch);
    }

    [Fact]
    public void Missing_engine_fails_with_the_command_that_builds_it()
    {
        var missing = Path.Combine(_dir, "none.engine");

        var e = Assert.Throws<InputException>(() => EngineLoadDecision.Decide(missing, null, null, null, null, Manual with { OnnxPath = _onnx }));

        Assert.Equal($"engine file not found: {missing}; build it with: edgepose build-engine --onnx {_onnx} --fp16 --out {missing}", e.Message);
    }

    [Fact]
    public void Missing_engine_is_built_when_rebuilding_is_on_and_the_onnx_exists()
    {
        var missing = Path.Combine(_dir, "none.engine");

        var d = EngineLoadDecision.Decide(missing, null, null, null, "abc", Auto with { OnnxPath = _onnx });

        Assert.True(d.Rebuild);
        Assert.True(d.RebuildArguments!.Fp16);
    }

    [Fact]
    public void Rebuilding_without_an_existing_onnx_fails_saying_so()
    {
        var verdict = new CompatibilityVerdict(false, "built for another GPU", null);

        var e = Assert.Throws<InputException>(() => EngineLoadDecision.Decide(_plan, _file, null, verdict, null, Auto));

        Assert.Contains($"automatic rebuild needs the ONNX model, and {_onnx} does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_engine_fails_with_the_reason_and_the_rebuild_command()
    {
        var e = Assert.Throws<InputException>(() => EngineLoadDecision.Decide(_plan, null, "m.engine: truncated TensorRT plan (12 bytes)", null, null, Manual with { OnnxPath = _onnx }));

        Assert.StartsWith("m.engine: truncated TensorRT plan (12 bytes); rebuild it with: edgepose build-engine --onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_from_a_changed_onnx_loads_with_a_warning_when_rebuilding_is_off()
    {
        var d = EngineLoadDecision.Decide(_plan, _file, null, CompatibilityVerdict.Compatible, new string('b', 64), Manual);

        Assert.False(d.Rebuild);
        Assert.Contains("was built from another version of", d.Warning, StringComparison.Ordinal);
        Assert.Contains("--int8 --batch 2", d.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_from_a_changed_onnx_is_rebuilt_when_rebuilding_is_on()
    {
        var d = EngineLoadDecision.Decide(_plan, _file, null, CompatibilityVerdict.Compatible, new string('b', 64), Auto);

        Assert.True(d.Rebuild);
    }

    [Fact]
    public void Warning_of_a_compatible_verdict_is_passed_on()
    {
        var verdict = new CompatibilityVerdict(true, null, "other GPU model, same compute capability");

        var d = EngineLoadDecision.Decide(_plan, _file, null, verdict, OnnxSha, Manual);

        Assert.Equal(verdict.Warning, d.Warning);
        Assert.Equal(new ComputeCapability(8, 7), _file.Sidecar!.Gpu.ComputeCapability);
    }
}
