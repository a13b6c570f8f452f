using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Compatibility;

public class RebuildCommandTests
{
    [Fact]
    public void Every_recorded_flag_is_replayed()
    {
        var flags = new EngineBuildFlags
        {
            Precision = EnginePrecision.Int8,
            CalibrationImages = "/data/calib",
            Batch = 4,
            WorkspaceMiB = 1024,
            TimingCache = "/cache/orin.tc",
            DlaCore = 0,
        };

        var command = RebuildCommand.For("/m/y.engine", flags, "/m/y.onnx");

        Assert.Equal("edgepose build-engine --onnx /m/y.onnx --int8 --calib-images /data/calib --batch 4 --workspace 1024 --timing-cache /cache/orin.tc --dla 0 --out /m/y.engine", command);
    }

    [Fact]
    public void Fp32_build_of_batch_one_needs_no_precision_or_batch_flag()
    {
        Assert.Equal("edgepose build-engine --onnx a.onnx --out a.engine", RebuildCommand.For("a.engine", new EngineBuildFlags(), "a.onnx"));
    }

    [Fact]
    public void Without_recorded_flags_the_command_builds_fp16_from_a_named_placeholder()
    {
        var command = RebuildCommand.For("/nowhere/y.engine", null);

        Assert.Equal($"edgepose build-engine --onnx {RebuildCommand.UnknownOnnx} --fp16 --out /nowhere/y.engine", command);
    }

    [Fact]
    public void Onnx_beside_the_plan_is_used_when_nothing_else_names_one()
    {
        var dir = TestPaths.NewTempDir("edgepose-trt");
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "m.onnx"), [8, 9]);

            var command = RebuildCommand.For(Path.Combine(dir, "m.engine"), null);

            Assert.Contains($"--onnx {Path.Combine(dir, "m.onnx")} ", command, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("/plain/path-1.2_x.onnx", "/plain/path-1.2_x.onnx")]
    [InlineData("/my models/a.onnx", "'/my models/a.onnx'")]
    [InlineData("/it's/a.onnx", "'/it'\\''s/a.onnx'")]
    [InlineData("$HOME/a.onnx", "'$HOME/a.onnx'")]
    [InlineData("", "''")]
    public void Paths_are_quoted_for_a_posix_shell_only_when_needed(string path, string expected)
    {
        Assert.Equal(expected, RebuildCommand.Quote(path));
    }
}
