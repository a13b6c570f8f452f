using EdgePose.Tests;
using EdgePose.Core.Errors;
using EdgePose.Core.Onnx;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Building;

public class InputProfilePlannerTests
{
    private static OnnxModelInfo Model(OnnxBytes b) => OnnxModelReader.Read(b.ToBytes(), "m.onnx");

    [Fact]
    public void Fixed_inputs_need_no_profile() => Assert.Empty(InputProfilePlanner.Plan(Model(OnnxBytes.Tiny()), 1, "m.onnx"));

    [Fact]
    public void Dynamic_batch_runs_from_one_to_the_batch_tuned_for_the_batch()
    {
        var profile = Assert.Single(InputProfilePlanner.Plan(Model(OnnxBytes.Tiny(batch: "batch")), 4, "m.onnx"));

        Assert.Equal("images", profile.Name);
        Assert.Equal([1L, 3, 64, 64], profile.Min);
        Assert.Equal([4L, 3, 64, 64], profile.Opt);
        Assert.Equal([4L, 3, 64, 64], profile.Max);
    }

    [Fact]
    public void Dynamic_height_and_width_are_fixed_at_the_model_imgsz()
    {
        var model = new OnnxBytes().Input("images", "batch", 3L, "height", "width").Output("output0", "batch", 56L, "anchors")
            .Node("Relu", ["images"], ["output0"]).Metadata("imgsz", "[480, 640]");

        var profile = Assert.Single(InputProfilePlanner.Plan(Model(model), 2, "m.onnx"));

        Assert.Equal([1L, 3, 480, 640], profile.Min);
        Assert.Equal([2L, 3, 480, 640], profile.Max);
    }

    [Fact]
    public void Dynamic_height_without_imgsz_metadata_is_rejected()
    {
        var model = new OnnxBytes().Input("images", 1L, 3L, "height", 640L).Output("output0", 1L, 56L, 8400L).Node("Relu", ["images"], ["output0"]);

        var e = Assert.Throws<InputException>(() => InputProfilePlanner.Plan(Model(model), 1, "m.onnx"));

        Assert.Equal("m.onnx input 'images' [1,3,?,640] has dynamic dimension 2 and no imgsz in its metadata to fix it: export the ONNX with a fixed imgsz", e.Message);
    }

    [Fact]
    public void Model_exported_for_batch_four_builds_for_batch_four()
    {
        Assert.Empty(InputProfilePlanner.Plan(Model(OnnxBytes.Tiny(batch: 4L)), 4, "m.onnx"));
    }
}
