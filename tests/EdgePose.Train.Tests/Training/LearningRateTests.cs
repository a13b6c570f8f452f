using EdgePose.Train.Training;

namespace EdgePose.Train.Tests.Training;

public sealed class LearningRateTests
{
    [Fact]
    public void Linear_and_cosine_run_from_one_to_lrf()
    {
        var linear = new LearningRate(Lrf: 0.01, Epochs: 100);
        Assert.Equal(1.0, linear.Factor(0), 9);
        Assert.Equal(0.505, linear.Factor(50), 9);
        Assert.Equal(0.01, linear.Factor(100), 9);
        var cosine = linear with { Curve = LrCurve.Cosine };
        Assert.Equal(1.0, cosine.Factor(0), 9);
        Assert.Equal(0.505, cosine.Factor(50), 9);
        Assert.Equal(1 + ((0.01 - 1) * (1 - Math.Cos(Math.PI / 4)) / 2), cosine.Factor(25), 9);
        Assert.Equal(0.01, cosine.Factor(100), 9);
    }

    [Fact]
    public void Warm_up_lasts_at_least_100_iterations_or_warmup_epochs_of_batches()
    {
        var lr = new LearningRate();
        Assert.Equal(100, lr.WarmupIterations(10));
        Assert.Equal(150, lr.WarmupIterations(50));
        Assert.Equal(0, (lr with { WarmupEpochs = 0 }).WarmupIterations(50));
    }

    [Fact]
    public void Warm_up_raises_weights_from_zero_lowers_biases_from_0_1_and_raises_momentum()
    {
        var lr = new LearningRate(Lr0: 0.01, Epochs: 100);
        Assert.Equal((0.0, 0.1, 0.8), lr.At(0, 0, 10));
        var (w, b, m) = lr.At(0, 50, 10);
        Assert.Equal(0.005, w, 9);
        Assert.Equal(0.055, b, 9);
        Assert.Equal(0.8685, m, 9);
        Assert.Equal((0.01, 0.01, 0.937), lr.At(0, 100, 10));
        var (w20, b20, _) = lr.At(20, 400, 10);
        Assert.Equal(0.01 * ((0.8 * 0.99) + 0.01), w20, 9);
        Assert.Equal(w20, b20);
    }
}
