namespace EdgePose.Core.Evaluation;

/// <summary>
/// pycocotools' per-image matching at each threshold. Detections, best score first, each take the ground
/// truth with the highest similarity ≥ the threshold (ties go to the later one) among those not taken yet;
/// crowd regions can be taken again and again. Ground truths are visited non-ignored first, and once a
/// detection holds a non-ignored match it stops at the first ignored one, so real objects win over regions.
/// A detection matched to an ignored ground truth, or unmatched and outside the area range, is not counted.
/// </summary>
public static class GreedyMatcher
{
    /// <summary>
    /// Matches D detections against G ground truths at T thresholds.
    /// </summary>
    /// <param name="similarity">D × G similarities, row per detection, columns in the ground truth's own order.</param>
    /// <param name="columnOfGroundTruth">G column indices, ignored ground truths last (the visiting order).</param>
    /// <param name="ignored">G ignore flags in visiting order.</param>
    /// <param name="crowd">G crowd flags in visiting order.</param>
    /// <param name="detectionOutsideArea">D flags: the detection's area is outside the area range.</param>
    /// <param name="thresholds">T thresholds.</param>
    /// <param name="matched">T × D: the matched ground truth's position in visiting order, or -1.</param>
    /// <param name="outcomes">T × D outcomes.</param>
    /// <param name="taken">Scratch of at least G flags.</param>
    public static void Match(
        ReadOnlySpan<double> similarity,
        ReadOnlySpan<int> columnOfGroundTruth,
        ReadOnlySpan<bool> ignored,
        ReadOnlySpan<bool> crowd,
        ReadOnlySpan<bool> detectionOutsideArea,
        ReadOnlySpan<double> thresholds,
        Span<int> matched,
        Span<MatchOutcome> outcomes,
        Span<bool> taken)
    {
        int g = columnOfGroundTruth.Length;
        int d = detectionOutsideArea.Length;
        for (int t = 0; t < thresholds.Length; t++)
        {
            var takenT = taken[..g];
            takenT.Clear();
            var matchedT = matched.Slice(t * d, d);
            var outcomesT = outcomes.Slice(t * d, d);
            for (int di = 0; di < d; di++)
            {
                double best = Math.Min(thresholds[t], 1 - 1e-10);
                int m = -1;
                var row = similarity.Slice(di * g, g);
                for (int gi = 0; gi < g; gi++)
                {
                    if (takenT[gi] && !crowd[gi])
                    {
                        continue;
                    }

                    if (m > -1 && !ignored[m] && ignored[gi])
                    {
                        break;
                    }

                    double s = row[columnOfGroundTruth[gi]];
                    if (s < best)
                    {
                        continue;
                    }

                    best = s;
                    m = gi;
                }

                matchedT[di] = m;
                if (m == -1)
                {
                    outcomesT[di] = detectionOutsideArea[di] ? MatchOutcome.Ignored : MatchOutcome.FalsePositive;
                }
                else
                {
                    takenT[m] = true;
                    outcomesT[di] = ignored[m] ? MatchOutcome.Ignored : MatchOutcome.TruePositive;
                }
            }
        }
    }
}
