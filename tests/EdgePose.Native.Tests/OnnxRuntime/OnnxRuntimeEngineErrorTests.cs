using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OnnxRuntime;

public sealed class OnnxRuntimeEngineErrorTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Missing_model_file_is_rejected_with_the_path_in_the_message()
    {
        var path = Path.Combine(_dir, "nope.onnx");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal($"model file not found: {path}", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_model_path_is_rejected(string path)
    {
        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal("model path is empty", e.Message);
    }

    [Fact]
    public void File_that_is_not_onnx_is_rejected_with_onnx_runtime_s_parse_message_on_one_line()
    {
        var path = Path.Combine(_dir, "photo.onnx");
        File.WriteAllText(path, "this is not a protobuf model\n");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.StartsWith($"model {path} could not be loaded by ONNX Runtime: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Protobuf parsing failed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(e.InnerException);
        Assert.DoesNotContain("ErrorCode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_with_a_uint8_input_is_rejected_naming_the_tensor_and_type()
    {
        var path = OnnxBytes.Identity(TensorElementType.UInt8, 1, 3, 4, 4).Save(_dir, "uint8.onnx");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal($"model {path} input 'x' is UInt8; EdgePose needs a Float32 image input", e.Message);
    }

    [Fact]
    public void Model_with_two_inputs_is_rejected_naming_them()
    {
        var path = new OnnxBytes().Input("a", 1L, 4L).Input("b", 1L, 4L).Output("y", 1L, 4L).Node("Add", ["a", "b"], ["y"]).Save(_dir, "two-inputs.onnx");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal(
            $"model {path} has 2 inputs (a Float32 [1,4], b Float32 [1,4]); EdgePose needs exactly one Float32 image input",
            e.Message);
    }

    [Fact]
    public void Model_without_inputs_is_rejected()
    {
        var path = new OnnxBytes().Output("y", 2L).Constant("y", 1f, 2f).Save(_dir, "no-input.onnx");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal($"model {path} has no input; EdgePose needs exactly one Float32 image input", e.Message);
    }

    [Fact]
    public void Dynamic_input_without_a_shape_override_is_rejected_naming_the_tensor()
    {
        var path = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, "h", "w").Save(_dir, "dynamic.onnx");

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path));

        Assert.Equal(
            $"model {path} input 'x' has dynamic shape [?,3,?,?]; give a concrete input shape (e.g. 1,3,640,640)",
            e.Message);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Input_shape_override_that_contradicts_the_model_is_rejected_naming_both_shapes()
    {
        var options = new OnnxRuntimeOptions { InputShape = new TensorShape([1, 3, 320, 320]) };

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(TestPaths.FloatHeadModel, options));

        Assert.Equal(
            $"input shape [1,3,320,320] contradicts model {TestPaths.FloatHeadModel} input 'images' of shape [1,3,640,640]",
            e.Message);
    }

    [Fact]
    public void Missing_execution_provider_is_rejected_naming_it_and_the_available_ones()
    {
        var path = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 4, 4).Save(_dir, "identity.onnx");
        Assert.DoesNotContain("cuda", ExecutionProviders.Available()); // the CPU package of the build here

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path, new OnnxRuntimeOptions { Provider = ExecutionProvider.Cuda }));

        Assert.Equal($"execution provider 'cuda' is not in this ONNX Runtime build ({OnnxRuntimeEngine.RuntimeVersion}); available: cpu", e.Message);
    }

    [Fact]
    public void Unknown_execution_provider_name_is_rejected_listing_the_known_ones()
    {
        var e = Assert.Throws<InputException>(() => ExecutionProviders.Parse("gpu"));

        Assert.Equal("execution provider 'gpu' is not one of cpu, cuda, tensorrt", e.Message);
    }

    [Fact]
    public void Input_shape_override_of_another_rank_is_rejected()
    {
        var path = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, 4, 4).Save(_dir, "dynamic.onnx");
        var options = new OnnxRuntimeOptions { InputShape = new TensorShape([3, 4, 4]) };

        var e = Assert.Throws<InputException>(() => new OnnxRuntimeEngine(path, options));

        Assert.Equal($"input shape [3,4,4] contradicts model {path} input 'x' of shape [?,3,4,4]", e.Message);
    }
}
