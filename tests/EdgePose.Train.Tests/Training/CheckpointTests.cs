using EdgePose.Train.Models;
using EdgePose.Train.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Training;

public sealed class CheckpointTests : TempFolder
{
    [Fact]
    public void A_saved_model_loads_back_with_its_weights_and_epoch()
    {
        var spec = ModelYaml.Named("yolov8n-pose");
        using var a = PoseModel.Build(spec, 1, [3, 3]);
        using var b = PoseModel.Build(spec, 1, [3, 3]);
        var path = At("last.ckpt");
        Checkpoint.Save(path, a, epoch: 7, bestFitness: 0.25);
        var info = Checkpoint.Load(path, b);
        Assert.Equal((7, 0.25, "yolov8n-pose"), (info.Epoch, info.BestFitness, info.Model));
        var key = "model.0.conv.weight";
        Assert.True(b.state_dict()[key].allclose(a.state_dict()[key], rtol: 0, atol: 0));
        var header = Checkpoint.ReadInfo(path);
        Assert.Equal(7, header.Epoch);
        Assert.Equal([3, 3], header.KptShape);
    }

    [Fact]
    public void Resuming_into_a_different_model_is_a_one_line_error()
    {
        using var a = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [3, 3]);
        using var other = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [17, 3]);
        var path = At("last.ckpt");
        Checkpoint.Save(path, a, 1, 0);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, other));
        Assert.Equal($"{path}: checkpoint holds yolov8n-pose with nc 1 and kpt_shape [3, 3], not yolov8n-pose with nc 1 and kpt_shape [17, 3]", e.Message);
    }

    [Fact]
    public void A_corrupt_checkpoint_is_a_one_line_error()
    {
        using var a = PoseModel.Build(ModelYaml.Named("yolov8n-pose"), 1, [3, 3]);
        var garbage = At("garbage.ckpt");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5]);
        Assert.Equal($"{garbage}: not an EdgePose checkpoint", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(garbage, a)).Message);

        var good = At("good.ckpt");
        Checkpoint.Save(good, a, 1, 0);
        var bytes = File.ReadAllBytes(good);
        var truncated = At("truncated.ckpt");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Equal($"{truncated}: checkpoint weights are truncated or corrupt", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(truncated, a)).Message);
    }
}
