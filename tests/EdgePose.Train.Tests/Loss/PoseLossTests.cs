using EdgePose.Train.Loss;
using EdgePose.Train.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Loss;

public sealed class PoseLossTests
{
    private static PoseTargets OnePerson() => new(
        tensor(new long[] { 0 }),
        tensor(new float[] { 0 }),
        tensor(new float[] { 0.5f, 0.5f, 0.5f, 0.6f }).view(1, 4),
        tensor(new float[] { 0.4f, 0.3f, 2, 0.6f, 0.3f, 2, 0.5f, 0.7f, 0 }).view(1, 3, 3));

    [Fact]
    public void Gains_default_to_ultralytics()
    {
        Assert.Equal(new LossGains(7.5, 0.5, 1.5, 12, 1), new LossGains());
    }

    [Fact]
    public void Without_labels_only_the_class_term_is_left()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(0);
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [3, 3]);
        var loss = new PoseLoss(m);
        var empty = new PoseTargets(zeros(0, dtype: ScalarType.Int64), zeros(0), zeros(0, 4), zeros(0, 3, 3));
        var v = loss.Compute(m.ForwardTrain(rand(2, 3, 64, 64)), empty);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (v.Box, v.Pose, v.Kobj, v.Dfl));
        Assert.True(v.Cls > 0);
        Assert.Equal(v.Cls * 2, v.Total.item<float>(), 4);
    }

    [Fact]
    public void A_few_steps_on_one_labelled_image_lower_every_term()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(0);
        using var m = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [3, 3]);
        var loss = new PoseLoss(m);
        var image = rand(1, 3, 64, 64);
        var targets = OnePerson();
        using var opt = optim.AdamW(m.parameters(), 0.002);
        var first = loss.Compute(m.ForwardTrain(image), targets);
        Assert.True(first.Box > 0 && first.Pose > 0 && first.Kobj > 0 && first.Dfl > 0, $"{first}");
        Assert.Equal(first.Box + first.Pose + first.Kobj + first.Cls + first.Dfl, first.Total.item<float>(), 3);
        var last = first;
        for (var i = 0; i < 8; i++)
        {
            using var step = NewDisposeScope();
            opt.zero_grad();
            last = loss.Compute(m.ForwardTrain(image), targets);
            last.Total.backward();
            opt.step();
        }

        last = loss.Compute(m.ForwardTrain(image), targets);
        Assert.True(last.Total.item<float>() < first.Total.item<float>() * 0.8, $"{first} → {last}");
        Assert.True(last.Pose < first.Pose, $"pose {first.Pose} → {last.Pose}");
        Assert.True(last.Cls < first.Cls, $"cls {first.Cls} → {last.Cls}");
    }
}
