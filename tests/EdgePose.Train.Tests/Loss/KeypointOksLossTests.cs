using EdgePose.Train.Loss;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Loss;

public sealed class KeypointOksLossTests
{
    private static readonly KeypointOksLoss TwoPoints = new([0.5, 0.5]);

    [Fact]
    public void Keypoints_on_target_cost_nothing()
    {
        var gt = tensor(new float[] { 1, 2, 2, 3, 4, 2 }).view(1, 2, 3);
        Assert.Equal(0f, TwoPoints.Compute(gt.clone(), gt, ones(1, 2, dtype: ScalarType.Bool), full(1, 1, 4f)).item<float>(), 6);
    }

    [Fact]
    public void One_point_off_by_one_costs_one_minus_exp_of_its_oks_exponent()
    {
        // d² = 1, σ = 0.5, area 4: e = 1 / ((2·0.5)²·4·2) = 1/8; per point 1 − e^(−1/8) = 0.117503;
        // both labelled → factor 2/2, mean over 2 points → 0.0587515.
        var gt = zeros(1, 2, 3);
        var pred = zeros(1, 2, 3);
        pred[0, 0, 0] = tensor(1f);
        var loss = TwoPoints.Compute(pred, gt, ones(1, 2, dtype: ScalarType.Bool), full(1, 1, 4f)).item<float>();
        Assert.Equal((1 - Math.Exp(-0.125)) / 2, loss, 6);
    }

    [Fact]
    public void Unlabelled_points_are_ignored_and_the_rest_scaled_up()
    {
        // Point 1 unlabelled (and far off): factor K / labelled = 2, so the loss is 2·0.117503 / 2.
        var gt = zeros(1, 2, 3);
        var pred = zeros(1, 2, 3);
        pred[0, 0, 0] = tensor(1f);
        pred[0, 1, 0] = tensor(50f);
        var mask = tensor(new[] { true, false }).view(1, 2);
        Assert.Equal(1 - Math.Exp(-0.125), TwoPoints.Compute(pred, gt, mask, full(1, 1, 4f)).item<float>(), 6);
    }

    [Fact]
    public void Seventeen_keypoints_use_cocos_sigmas_and_other_counts_uniform_ones()
    {
        // COCO nose sigma 0.026: d² = 1, area 100 → e = 1 / (0.052²·200); one of 17 points off → mean over 17.
        var gt = zeros(1, 17, 3);
        var pred = zeros(1, 17, 3);
        pred[0, 0, 1] = tensor(1f);
        var coco = KeypointOksLoss.ForKeypoints(17).Compute(pred, gt, ones(1, 17, dtype: ScalarType.Bool), full(1, 1, 100f)).item<float>();
        Assert.Equal((1 - Math.Exp(-1 / (0.052 * 0.052 * 200))) / 17, coco, 5);

        // 5 keypoints: σ = 1/5 each.
        var gt5 = zeros(1, 5, 3);
        var pred5 = zeros(1, 5, 3);
        pred5[0, 3, 0] = tensor(1f);
        var five = KeypointOksLoss.ForKeypoints(5).Compute(pred5, gt5, ones(1, 5, dtype: ScalarType.Bool), full(1, 1, 100f)).item<float>();
        Assert.Equal((1 - Math.Exp(-1 / (0.4 * 0.4 * 200))) / 5, five, 5);
    }
}
