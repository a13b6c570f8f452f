using EdgePose.Cli;
using EdgePose.Host.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Commands;

/// <summary>`edgepose build-engine` from the command line: exit codes and one-line errors.</summary>
public sealed class BuildEngineCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EdgePoseCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Missing_onnx_option_exits_with_bad_input()
    {
        var (code, _, err) = await Run("build-engine", "--fp16");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--onnx", err, StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public async Task Fp16_with_int8_is_one_line_on_stderr()
    {
        var (code, stdout, err) = await Run("build-engine", "--onnx", TestPaths.GenuineInt8Model, "--fp16", "--int8");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: --fp16 and --int8 exclude each other (--int8 already runs the layers it does not quantise in FP16)", err.TrimEnd());
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Batch_beyond_the_models_fixed_batch_is_one_line_on_stderr()
    {
        var (code, _, err) = await Run("build-engine", "--onnx", TestPaths.FloatHeadModel, "--fp16", "--batch", "4");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: {TestPaths.FloatHeadModel} has the fixed input 'images' [1,3,640,640], so --batch 4 cannot apply: export it with dynamic=True (or batch=4)", err.TrimEnd());
    }

    [Fact]
    public async Task Non_numeric_batch_is_a_parse_error()
    {
        var (code, _, err) = await Run("build-engine", "--onnx", "m.onnx", "--batch", "four");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_onnx_file_is_named()
    {
        var (code, _, err) = await Run("build-engine", "--onnx", "/no/such/model.onnx", "--fp16");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: ONNX model not found: /no/such/model.onnx", err.TrimEnd());
    }

    [WithoutTensorRtFact("models/yolo11n-pose_int8.onnx")]
    public async Task Valid_options_without_tensorrt_end_with_one_line_saying_it_was_not_found()
    {
        var output = Path.Combine(Path.GetTempPath(), $"edgepose-{Guid.NewGuid():N}.engine");

        var (code, stdout, err) = await Run("build-engine", "--onnx", TestPaths.GenuineInt8Model, "--int8", "--out", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(err.TrimEnd().Split('\n'));
        Assert.StartsWith("error: TensorRT was not found on this machine", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
