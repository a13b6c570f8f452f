using EdgePose.Train.Models;
using EdgePose.Train.Training;

namespace EdgePose.Train.Tests.Training;

public sealed class ParameterGroupsTests
{
    [Fact]
    public void Groups_split_conv_weights_norm_weights_and_biases_as_ultralytics()
    {
        // Ultralytics' log for yolo11n-pose (issue 16813): "parameter groups 87 weight(decay=0.0),
        // 97 weight(decay=0.0005), 96 bias(decay=0.0)"; its 97 includes the DFL's fixed weight, which trains
        // nothing and is left out here.
        using var m = PoseModel.Build(ModelYaml.Named("yolo11n-pose"), 1, [5, 3]);
        var g = ParameterGroups.Of(m);
        Assert.Equal((96, 87, 96), (g.Decay.Count, g.NormWeights.Count, g.Biases.Count));
        Assert.Equal(m.GradientCount, g.Decay.Concat(g.NormWeights).Concat(g.Biases).Sum(p => p.numel()));
    }
}
