using EdgePose.Train.Loss;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Loss;

public sealed class DistributionFocalLossTests
{
    [Fact]
    public void Uniform_logits_cost_log_of_the_bin_count()
    {
        var loss = DistributionFocalLoss.Compute(zeros(4, 16), full(1, 4, 2.3f));
        Assert.Equal(new long[] { 1, 1 }, loss.shape);
        Assert.Equal(Math.Log(16), loss.item<float>(), 4);
    }

    [Fact]
    public void The_target_is_split_between_its_two_neighbouring_bins()
    {
        // Target 2.3: bin 2 weight 0.7, bin 3 weight 0.3. Logit 10 on bin 2, 0 elsewhere:
        // CE(2) = ln(e¹⁰ + 15) − 10 = 0.000681, CE(3) = ln(e¹⁰ + 15) = 10.000681 → 0.7·0.000681 + 0.3·10.000681.
        var logits = zeros(4, 16);
        logits[.., 2] = tensor(10f);
        var lse = Math.Log(Math.Exp(10) + 15);
        var expected = (0.7 * (lse - 10)) + (0.3 * lse);
        Assert.Equal(3.000681, expected, 5);
        Assert.Equal(expected, DistributionFocalLoss.Compute(logits, full(1, 4, 2.3f)).item<float>(), 4);
    }

    [Fact]
    public void A_target_on_a_bin_costs_only_that_bins_cross_entropy()
    {
        var logits = zeros(4, 16);
        logits[.., 5] = tensor(3f);
        var expected = Math.Log(Math.Exp(3) + 15) - 3;
        Assert.Equal(expected, DistributionFocalLoss.Compute(logits, full(1, 4, 5f)).item<float>(), 4);
    }
}
