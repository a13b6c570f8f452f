namespace EdgePose.Train.Training;

/// <summary>How the learning rate falls over the epochs: linearly, or along a half cosine, from lr0 to lr0·lrf.</summary>
public enum LrCurve
{
    Linear,
    Cosine,
}

/// <summary>
/// Ultralytics' learning-rate schedule: a per-epoch factor f(e) (linear: (1 − e/E)·(1 − lrf) + lrf;
/// cosine: 1 + (lrf − 1)·(1 − cos(π·e/E))/2), and a warm-up over the first iterations (at least 100, else
/// warmup_epochs × batches per epoch) in which bias learning rates fall from warmup_bias_lr and the others
/// rise from 0 to lr0·f(e), and the momentum rises from warmup_momentum to its value.
/// </summary>
public sealed record LearningRate(double Lr0 = 0.01, double Lrf = 0.01, int Epochs = 100, LrCurve Curve = LrCurve.Linear,
    double WarmupEpochs = 3.0, double WarmupBiasLr = 0.1, double WarmupMomentum = 0.8, double Momentum = 0.937)
{
    /// <summary>The epoch factor f(e), 1 at epoch 0 and lrf at the last.</summary>
    public double Factor(int epoch) => Curve switch
    {
        LrCurve.Cosine => 1 + ((Lrf - 1) * (1 - Math.Cos(Math.PI * epoch / Epochs)) / 2),
        _ => (Math.Max(1 - ((double)epoch / Epochs), 0) * (1 - Lrf)) + Lrf,
    };

    /// <summary>Iterations of warm-up: max(round(warmup_epochs × batches per epoch), 100), or 0 without warm-up.</summary>
    public int WarmupIterations(int batchesPerEpoch) => WarmupEpochs > 0 ? Math.Max((int)Math.Round(WarmupEpochs * batchesPerEpoch), 100) : 0;

    /// <summary>Learning rates (weights, biases) and momentum at iteration <paramref name="iteration"/> (counted from the start) of <paramref name="epoch"/>.</summary>
    public (double Weights, double Biases, double Momentum) At(int epoch, int iteration, int batchesPerEpoch)
    {
        var target = Lr0 * Factor(epoch);
        var warm = WarmupIterations(batchesPerEpoch);
        if (iteration >= warm)
        {
            return (target, target, Momentum);
        }

        var t = (double)iteration / warm;
        return (Lerp(0, target, t), Lerp(WarmupBiasLr, target, t), Lerp(WarmupMomentum, Momentum, t));
    }

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);
}
