using EdgePose.Train.Training.Optimizers;
using EdgePose.Train.Models;
using EdgePose.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Training.Optimizers;

public sealed class OptimizerFactoryTests
{
    [Theory]
    [InlineData(OptimizerKind.SGD)]
    [InlineData(OptimizerKind.AdamW)]
    public void Only_conv_weights_decay(OptimizerKind kind)
    {
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [3, 3]);
        var g = ParameterGroups.Of(m);
        using var opt = OptimizerFactory.Create(g, kind, lr: 0.1, weightDecay: 0.5);
        var before = new[] { g.Decay[0], g.NormWeights[0], g.Biases[0] }.Select(p => p.detach().clone()).ToArray();

        // Zero loss gradients: only weight decay moves a parameter.
        opt.zero_grad();
        (m.parameters().Select(p => p.sum()).Aggregate((a, b) => a + b) * 0).backward();
        opt.step();

        Assert.False(g.Decay[0].allclose(before[0]), "conv weight did not decay");
        Assert.True(g.NormWeights[0].allclose(before[1], rtol: 0, atol: 0), "BatchNorm weight decayed");
        Assert.True(g.Biases[0].allclose(before[2], rtol: 0, atol: 0), "bias decayed");
        Assert.Equal(3, opt.ParamGroups.Count());
    }
}
