using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Native.OnnxRuntime;

namespace EdgePose.Native.Tests.OnnxRuntime;

public sealed class OnnxRuntimeOptionsTests
{
    [Fact]
    public void Defaults_are_onnx_runtime_s_threads_and_all_optimisations()
    {
        var options = new OnnxRuntimeOptions();

        Assert.Equal(0, options.IntraOpThreads);
        Assert.Equal(0, options.InterOpThreads);
        Assert.Equal(GraphOptimizationLevel.All, options.Optimization);
        Assert.Null(options.InputShape);
    }

    [Fact]
    public void Negative_intra_op_threads_are_rejected()
    {
        var e = Assert.Throws<InputException>(() => new OnnxRuntimeOptions { IntraOpThreads = -1 });

        Assert.Equal("intra-op threads must be 0 (ONNX Runtime's default) or more, got -1", e.Message);
    }

    [Fact]
    public void Negative_inter_op_threads_are_rejected()
    {
        var e = Assert.Throws<InputException>(() => new OnnxRuntimeOptions { InterOpThreads = -2 });

        Assert.Equal("inter-op threads must be 0 or more, got -2", e.Message);
    }

    [Fact]
    public void Unknown_optimisation_level_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => new OnnxRuntimeOptions { Optimization = (GraphOptimizationLevel)7 });

        Assert.Equal("graph optimisation level 7 is not one of Disabled, Basic, Extended, All", e.Message);
    }

    [Theory]
    [InlineData(new long[] { 1, 3, 0, 640 }, "[1,3,0,640]")]
    [InlineData(new long[] { 1, -1, 640, 640 }, "[1,?,640,640]")]
    [InlineData(new long[0], "[]")]
    public void Input_shape_with_a_dimension_below_one_or_no_dimension_is_rejected(long[] dims, string shown)
    {
        var e = Assert.Throws<InputException>(() => new OnnxRuntimeOptions { InputShape = new TensorShape(dims) });

        Assert.Equal($"input shape {shown} must have at least one dimension, each above 0", e.Message);
    }
}
