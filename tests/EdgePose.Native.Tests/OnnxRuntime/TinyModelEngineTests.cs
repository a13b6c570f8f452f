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
    public void Input_shape_override_fills_dynamic_dimensions_and_named_output_dimensions_follow_the_input()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, "height", "width").Save(_dir, "dynamic.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { InputShape = new TensorShape([1, 3, 2, 5]) });

        Assert.Equal(new TensorShape([-1, 3, -1, -1]), Assert.Single(engine.DeclaredInputs).Shape);
        Assert.Equal(new TensorShape([1, 3, 2, 5]), Assert.Single(engine.Inputs).Shape);
        Assert.Equal(new TensorShape([1, 3, 2, 5]), Assert.Single(engine.Outputs).Shape);
        using var set = engine.CreateBufferSet();

        var input = set.InputSlot(0);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = i * 0.5f;
        }

        engine.Enqueue(set, 1);
        var output = set.Output(0, out var shape);

        Assert.Equal(new TensorShape([1, 3, 2, 5]), shape);
        Assert.Equal(input.ToArray(), output.ToArray());

        input.Fill(7f);
        engine.Enqueue(set, 1);
        Assert.All(set.Output(0, out _).ToArray(), v => Assert.Equal(7f, v));
    }

    [Fact]
    public void Output_dimensions_the_declarations_leave_open_are_learnt_from_one_run()
    {
        // Unnamed dynamic output dimensions: only a run tells that Identity keeps the input's shape.
        var model = new OnnxBytes().Input("x", "batch", 3L, 4L, 4L).Output("y", null, null, null, null).Node("Identity", ["x"], ["y"]).Save(_dir, "open.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { MaxBatch = 2 });

        Assert.Equal(new TensorShape([2, 3, 4, 4]), Assert.Single(engine.Outputs).Shape);
    }

    [Fact]
    public void Partial_batch_of_a_dynamic_batch_model_runs_only_its_images()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, "batch", 3, 4, 4).Save(_dir, "dynamic-batch.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { MaxBatch = 3 });
        using var set = engine.CreateBufferSet();
        Assert.True(engine.HasDynamicBatch);
        Assert.Equal(3, engine.MaxBatch);
        set.InputSlot(0).Fill(1f);
        set.InputSlot(1).Fill(2f);
        set.InputSlot(2).Fill(3f);
        engine.Enqueue(set, 3);
        set.InputSlot(0).Fill(4f);
        set.InputSlot(1).Fill(5f);

        engine.Enqueue(set, 2);

        var output = set.Output(0, out var shape);
        Assert.Equal(new TensorShape([2, 3, 4, 4]), shape);
        Assert.Equal(2, set.Batch);
        Assert.All(output[..48].ToArray(), v => Assert.Equal(4f, v));
        Assert.All(output[48..96].ToArray(), v => Assert.Equal(5f, v));
        Assert.All(output[96..].ToArray(), v => Assert.Equal(3f, v)); // slot 2 was not run again
    }

    [Fact]
    public void Override_equal_to_a_fixed_model_shape_is_accepted()
    {
        var model = OnnxBytes.Identity(TensorElementType.Float32, 1, 3, 4, 4).Save(_dir, "fixed.onnx");
        using var engine = new OnnxRuntimeEngine(model, new OnnxRuntimeOptions { InputShape = new TensorShape([1, 3, 4, 4]) });

        Assert.Equal(new TensorShape([1, 3, 4, 4]), Assert.Single(engine.Inputs).Shape);
        Assert.False(engine.HasDynamicBatch);
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
