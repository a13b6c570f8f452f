using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OnnxRuntime;

/// <summary>The engine on tiny generated models: dynamic shapes and metadata.</summary>
public sealed class TinyModelEngineTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Input_shape_override_fills_dynamic_dimensions_and_dynamic_outputs_come_back_copied()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, "height", "width").Save(_dir, "dynamic.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { InputShape = new TensorShape([1, 3, 2, 5]) });

        Assert.Equal(new TensorShape([-1, 3, -1, -1]), Assert.Single(engine.DeclaredInputs).Shape);
        Assert.Equal(new TensorShape([1, 3, 2, 5]), Assert.Single(engine.Inputs).Shape);
        Assert.Equal(new TensorShape([-1, 3, -1, -1]), Assert.Single(engine.Outputs).Shape);
        Assert.Null(engine.FixedOutputBuffer(0));

        var input = engine.GetInput();
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = i * 0.5f;
        }

        engine.Run();
        var output = engine.GetOutput(0, out var shape);

        Assert.Equal(new TensorShape([1, 3, 2, 5]), shape);
        Assert.Equal(input.ToArray(), output.ToArray());

        input.Fill(7f);
        engine.Run();
        Assert.All(engine.GetOutput(0, out _).ToArray(), v => Assert.Equal(7f, v));
    }

    [Fact]
    public void Dynamic_output_cannot_be_read_before_a_run()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, 4, 4).Save(_dir, "dynamic.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { InputShape = new TensorShape([2, 3, 4, 4]) });

        var e = Assert.Throws<InvalidOperationException>(() => engine.GetOutput(0, out _));
        Assert.Contains("'y'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_equal_to_a_fixed_model_shape_is_accepted()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 4, 4).Save(_dir, "fixed.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { InputShape = new TensorShape([1, 3, 4, 4]) });

        Assert.Equal(new TensorShape([1, 3, 4, 4]), Assert.Single(engine.Inputs).Shape);
        Assert.NotNull(engine.FixedOutputBuffer(0));
    }

    [Fact]
    public void Custom_metadata_map_reaches_the_model_metadata()
    {
        var props = new Dictionary<string, string> { ["task"] = "pose", ["kpt_shape"] = "[17, 3]", ["names"] = "{0: 'person'}" };
        var model = WithMetadata(props).Save(_dir, "meta.onnx");

        using var engine = new OnnxRuntimeEngine(model);

        Assert.Equal(props.OrderBy(p => p.Key), engine.Metadata.Raw.OrderBy(p => p.Key));
    }

    [Fact]
    public void Malformed_ultralytics_metadata_is_rejected_naming_the_model()
    {
        var model = WithMetadata(new Dictionary<string, string> { ["kpt_shape"] = "[17," }).Save(_dir, "bad-meta.onnx");

        var e = Assert.ThrowsAny<FormatException>(() => new OnnxRuntimeEngine(model));

        Assert.Contains(model, e.Message, StringComparison.Ordinal);
        Assert.Contains("kpt_shape", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_without_metadata_has_an_empty_map()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 4, 4).Save(_dir, "plain.onnx");

        using var engine = new OnnxRuntimeEngine(model);

        Assert.Empty(engine.Metadata.Raw);
    }

    /// <summary>Identity float32 [1,3,4,4] with the given metadata_props.</summary>
    private static OnnxBytes WithMetadata(IReadOnlyDictionary<string, string> props)
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 4, 4);
        foreach (var (key, value) in props)
        {
            model.Metadata(key, value);
        }

        return model;
    }
}
