namespace EdgePose.Core.Evaluation;

/// <summary>
/// Per-keypoint localisation errors of the matched detections (true positives at the first threshold, OKS 0.50
/// by default, over the first area range, "all"), over the keypoints labelled in the ground truth: how many,
/// the mean distance in pixels, the mean distance divided by √area (the OKS scale) and the mean per-keypoint
/// OKS term exp(−d² / (2 s² (2σ)²)). NaN where a keypoint was never labelled in a matched object.
/// </summary>
public sealed class KeypointErrors
{
    private readonly double[] _pixelSum;
    private readonly double[] _normalizedSum;
    private readonly double[] _similaritySum;

    internal KeypointErrors(int keypointCount)
    {
        Counts = new int[keypointCount];
        _pixelSum = new double[keypointCount];
        _normalizedSum = new double[keypointCount];
        _similaritySum = new double[keypointCount];
    }

    public int KeypointCount => Counts.Length;

    /// <summary>Matched objects in which the keypoint is labelled.</summary>
    public int[] Counts { get; }

    public double[] MeanPixelDistance => Means(_pixelSum);

    public double[] MeanNormalizedDistance => Means(_normalizedSum);

    public double[] MeanSimilarity => Means(_similaritySum);

    /// <summary>Adds one matched pair: K (x, y, ·) triples each, the ground truth's area and (2σ)² per keypoint.</summary>
    internal void Add(ReadOnlySpan<double> detection, ReadOnlySpan<double> groundTruth, double groundTruthArea, ReadOnlySpan<double> variances)
    {
        double scale = groundTruthArea + ObjectKeypointSimilarity.AreaEpsilon;
        double root = Math.Sqrt(scale);
        for (int k = 0; k < Counts.Length; k++)
        {
            if (!(groundTruth[(k * 3) + 2] > 0))
            {
                continue;
            }

            double dx = detection[k * 3] - groundTruth[k * 3];
            double dy = detection[(k * 3) + 1] - groundTruth[(k * 3) + 1];
            double d2 = (dx * dx) + (dy * dy);
            double d = Math.Sqrt(d2);
            Counts[k]++;
            _pixelSum[k] += d;
            _normalizedSum[k] += d / root;
            _similaritySum[k] += Math.Exp(-(d2 / variances[k] / scale / 2));
        }
    }

    private double[] Means(double[] sums)
    {
        var m = new double[sums.Length];
        for (int k = 0; k < m.Length; k++)
        {
            m[k] = Counts[k] > 0 ? sums[k] / Counts[k] : double.NaN;
        }

        return m;
    }
}
