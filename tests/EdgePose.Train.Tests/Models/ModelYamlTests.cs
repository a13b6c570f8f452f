using EdgePose.Train.Models;

namespace EdgePose.Train.Tests.Models;

public sealed class ModelYamlTests : EdgePose.Train.Tests.TempFolder
{
    [Fact]
    public void A_model_yaml_file_of_ones_own_builds_at_the_scale_in_its_name()
    {
        var path = At("tiny-s-pose.yaml");
        File.WriteAllText(path, "scales:\n  n: [1, 0.25, 1024]\n  s: [1, 0.5, 1024]\nbackbone:\n  - [-1, 1, Conv, [64, 3, 2]]\n  - [-1, 1, Conv, [128, 3, 2]]\n"
            + "  - [-1, 1, Conv, [256, 3, 2]]\n  - [-1, 1, Conv, [512, 3, 2]]\n  - [-1, 1, Conv, [1024, 3, 2]]\nhead:\n  - [[2, 3, 4], 1, Pose, [nc, kpt_shape]]\n");
        var spec = ModelYaml.Named(path);
        Assert.Equal(('s', "tiny-s-pose"), (spec.Scale, spec.Name));
        using var m = PoseModel.Build(spec, 1, [17, 3]);
        Assert.Equal([8.0, 16, 32], m.Head.Strides);
        Assert.Equal([32L, 64, 128, 256, 512], m.Layers.Take(5).Select(l => l.OutChannels).ToArray());
        m.eval();
        using var noGrad = TorchSharp.torch.no_grad();
        var y = m.forward(TorchSharp.torch.rand(1, 3, 64, 64));
        Assert.Equal(new long[] { 1, 56, 64 + 16 + 4 }, y.shape);
    }

    [Theory]
    [InlineData("yolov8n-pose", "yolov8n-pose", 'n')]
    [InlineData("yolo11s-pose.yaml", "yolo11s-pose", 's')]
    [InlineData("YOLO11X-pose", "yolo11x-pose", 'x')]
    [InlineData("yolo11-pose", "yolo11n-pose", 'n')]
    public void Built_in_models_are_found_by_name_and_scale(string name, string expected, char scale)
    {
        var y = ModelYaml.Named(name);
        Assert.Equal(expected, y.Name);
        Assert.Equal(scale, y.Scale);
        Assert.Equal("Pose", y.Layers[^1].Module);
    }

    [Fact]
    public void An_unknown_model_name_is_a_one_line_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelYaml.Named("yolov5n-pose"));
        Assert.Equal("model 'yolov5n-pose' is not one of yolov8[n|s|m|l|x]-pose or yolo11[n|s|m|l|x]-pose (or a model .yaml file)", e.Message);
    }

    [Fact]
    public void A_yaml_with_an_unknown_module_names_the_layer()
    {
        const string yaml = "scales:\n  n: [1, 1, 64]\nbackbone:\n  - [-1, 1, Conv, [16, 3, 2]]\n  - [-1, 1, Magic, [16]]\nhead:\n  - [[1], 1, Pose, [nc, kpt_shape]]\n";
        var spec = ModelYaml.Parse(yaml, "custom", 'n');
        var e = Assert.Throws<InvalidDataException>(() => PoseModel.Build(spec, 1, [17, 3]));
        Assert.Equal("model custom: layer 1: unknown module 'Magic'", e.Message);
    }

    [Fact]
    public void A_missing_scale_is_an_error()
    {
        const string yaml = "scales:\n  n: [1, 1, 64]\nbackbone: []\nhead: []\n";
        var e = Assert.Throws<InvalidDataException>(() => ModelYaml.Parse(yaml, "custom", 's'));
        Assert.Equal("model yaml custom: no scale 's' (has n)", e.Message);
    }

    [Fact]
    public void A_bad_kpt_shape_is_an_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [17, 4]));
        Assert.Equal("model yolov8n-pose: kpt_shape must be [K, 2] or [K, 3] with K ≥ 1, got [17, 4]", e.Message);
    }
}
