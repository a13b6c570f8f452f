using EdgePose.Tests;
using EdgePose.Train.Models;
using EdgePose.Train.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Models;

public sealed class WeightTransferTests
{
    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Fine_tuning_to_five_keypoints_keeps_all_but_the_keypoint_outputs()
    {
        using var scope = NewDisposeScope();
        using var coco = OnnxPoseImporter.Import(TestPaths.FloatHeadModel);
        using var five = PoseModel.Build(coco.Spec, 1, [5, 3], fused: true);
        var (copied, total) = WeightTransfer.Copy(coco, five);
        // Everything but the keypoint branch: its width c4 = max(16, K·3) shrinks from 51 to 16 and its output
        // from 51 to 15, so cv4.{0,1,2}.{0,1}.conv and cv4.{0,1,2}.2 (weight and bias each) start fresh: 18 tensors.
        var differing = five.state_dict().Keys.Where(k => k.Contains(".cv4.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(total - differing.Length, copied);
        Assert.Equal(18, differing.Length);
        var key = "model.23.cv3.0.0.0.conv.weight";
        Assert.True(five.state_dict()[key].allclose(coco.state_dict()[key], rtol: 0, atol: 0));
        five.eval();
        using var noGrad = no_grad();
        Assert.Equal(new long[] { 1, 20, 84 }, five.forward(rand(1, 3, 64, 64)).shape);
    }
}
