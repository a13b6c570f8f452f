using EdgePose.Train.Models;
using EdgePose.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Training;

public sealed class ModelEmaTests
{
    [Fact]
    public void The_average_starts_as_the_model_and_moves_by_one_minus_the_decay()
    {
        var spec = ModelYaml.Named("yolov8n-pose");
        using var model = PoseModel.Build(spec, 1, [3, 3]);
        using var shadow = PoseModel.Build(spec, 1, [3, 3]);
        var ema = new ModelEma(shadow);
        ema.CopyFrom(model);
        var name = "model.0.conv.weight";
        Assert.True(shadow.state_dict()[name].allclose(model.state_dict()[name], rtol: 0, atol: 0));

        var before = model.state_dict()[name].clone();
        using (no_grad())
        {
            model.state_dict()[name].add_(1.0);
        }

        var d = ema.NextDecay;
        Assert.Equal(0.9999 * (1 - Math.Exp(-1.0 / 2000)), d, 12);
        ema.Update(model);
        Assert.Equal(1, ema.Updates);
        var expected = before + (1 - d);
        Assert.True(shadow.state_dict()[name].allclose(expected, rtol: 0, atol: 1e-6));
    }
}
