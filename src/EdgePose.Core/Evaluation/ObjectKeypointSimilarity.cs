namespace EdgePose.Core.Evaluation;

/// <summary>
/// COCO's object keypoint similarity (OKS) between a detection and a ground-truth object, as pycocotools
/// computes it: mean over the labelled keypoints (v &gt; 0) of exp(−d² / (2 · s² · (2σ)²)) with s² the ground
/// truth's area. A ground truth with no labelled keypoint is measured by each detected keypoint's distance
/// to its box expanded by its own size on every side (2× box size around it), over all K keypoints.
/// </summary>
public static class ObjectKeypointSimilarity
{
    /// <summary>numpy's spacing(1): keeps the scale positive for zero-area objects.</summary>
    public const double AreaEpsilon = 2.220446049250313e-16;

    /// <summary>(2σ)² per keypoint, the form the formula uses.</summary>
    public static double[] Variances(IReadOnlyList<double> sigmas)
    {
        var v = new double[sigmas.Count];
        for (int k = 0; k < v.Length; k++)
        {
            double twoSigma = sigmas[k] * 2;
            v[k] = twoSigma * twoSigma;
        }

        return v;
    }

    /// <summary>
    /// OKS of one pair. <paramref name="detection"/> and <paramref name="groundTruth"/> are K (x, y, ·) triples,
    /// <paramref name="groundTruthBox"/> x, y, w, h; <paramref name="scratch"/> holds at least K doubles.
    /// </summary>
    public static double Compute(
        ReadOnlySpan<double> detection,
        ReadOnlySpan<double> groundTruth,
        ReadOnlySpan<double> groundTruthBox,
        double groundTruthArea,
        ReadOnlySpan<double> variances,
        Span<double> scratch)
    {
        int k = variances.Length;
        int labelled = 0;
        for (int j = 0; j < k; j++)
        {
            if (groundTruth[(j * 3) + 2] > 0)
            {
                labelled++;
            }
        }

        double scale = groundTruthArea + AreaEpsilon;
        int n = 0;
        if (labelled > 0)
        {
            for (int j = 0; j < k; j++)
            {
                if (groundTruth[(j * 3) + 2] > 0)
                {
                    double dx = detection[j * 3] - groundTruth[j * 3];
                    double dy = detection[(j * 3) + 1] - groundTruth[(j * 3) + 1];
                    scratch[n++] = Math.Exp(-(((dx * dx) + (dy * dy)) / variances[j] / scale / 2));
                }
            }
        }
        else
        {
            double bx = groundTruthBox[0], by = groundTruthBox[1], bw = groundTruthBox[2], bh = groundTruthBox[3];
            double x0 = bx - bw, x1 = bx + (bw * 2), y0 = by - bh, y1 = by + (bh * 2);
            for (int j = 0; j < k; j++)
            {
                double xd = detection[j * 3], yd = detection[(j * 3) + 1];
                double dx = Math.Max(0, x0 - xd) + Math.Max(0, xd - x1);
                double dy = Math.Max(0, y0 - yd) + Math.Max(0, yd - y1);
                scratch[n++] = Math.Exp(-(((dx * dx) + (dy * dy)) / variances[j] / scale / 2));
            }
        }

        return PairwiseSum.Sum(scratch[..n]) / n;
    }
}
