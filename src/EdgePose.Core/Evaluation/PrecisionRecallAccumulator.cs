namespace EdgePose.Core.Evaluation;

/// <summary>
/// pycocotools' accumulate(): for each category, area range and max-detections setting, the detections of all
/// images (each image's best ones up to the setting) sorted by score with a stable sort, cumulative true and
/// false positives per threshold, recall = TP / counted ground truths, precision made monotone from the right
/// (the envelope) and read at each recall point at the first detection reaching it (searchsorted left);
/// 0 beyond the highest recall, −1 for settings without counted ground truth.
/// </summary>
internal static class PrecisionRecallAccumulator
{
    /// <summary>numpy's spacing(1), added to TP + FP so precision is defined with no detections counted.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    public static (double[] Precision, double[] Scores, double[] Recall) Accumulate(CocoImageResults results, CocoEvaluationParameters p, int categories)
    {
        int t = p.IouThresholds.Count, r = p.RecallThresholds.Count, a = p.AreaRanges.Count, m = p.MaxDetections.Count;
        var precision = new double[categories * a * m * t * r];
        var scores = new double[precision.Length];
        var recall = new double[categories * a * m * t];
        Array.Fill(precision, -1.0);
        Array.Fill(scores, -1.0);
        Array.Fill(recall, -1.0);

        var recallThresholds = p.RecallThresholds.ToArray();
        var slotScores = results.Scores.ToArray();
        int total = results.SlotTotal;
        var rankInImage = new int[total];
        var all = new int[total];
        var slots = new int[total];
        var rc = new double[total];
        var pr = new double[total];
        var sorted = new double[total];
        var outcomes = results.Outcomes;
        int stride = a * t;

        for (int k = 0; k < categories; k++)
        {
            var (first, end) = results.RecordsOf(k);
            if (first == end)
            {
                continue;
            }

            // One stable sort of the category's detections serves every area range and max-detections setting:
            // each setting keeps a subset (each image's best ones) whose relative order is the same.
            int nAll = 0;
            for (int rec = first; rec < end; rec++)
            {
                int start = results.SlotStart[rec], count = results.SlotCount[rec];
                for (int j = 0; j < count; j++)
                {
                    rankInImage[start + j] = j;
                    all[nAll++] = start + j;
                }
            }

            all.AsSpan(0, nAll).Sort(new ScoreDescending(slotScores));

            for (int ai = 0; ai < a; ai++)
            {
                int counted = 0;
                for (int rec = first; rec < end; rec++)
                {
                    counted += results.NonIgnored[(rec * a) + ai];
                }

                if (counted == 0)
                {
                    continue;
                }

                for (int mi = 0; mi < m; mi++)
                {
                    int maxDet = p.MaxDetections[mi];
                    int n = 0;
                    for (int i = 0; i < nAll; i++)
                    {
                        if (rankInImage[all[i]] < maxDet)
                        {
                            slots[n] = all[i];
                            sorted[n] = slotScores[all[i]];
                            n++;
                        }
                    }

                    int cell = CocoEvaluation.Layout(k, ai, mi, a, m);
                    for (int ti = 0; ti < t; ti++)
                    {
                        double tp = 0, fp = 0;
                        for (int i = 0; i < n; i++)
                        {
                            var o = outcomes[(slots[i] * stride) + (ai * t) + ti];
                            if (o == MatchOutcome.TruePositive)
                            {
                                tp++;
                            }
                            else if (o == MatchOutcome.FalsePositive)
                            {
                                fp++;
                            }

                            rc[i] = tp / counted;
                            pr[i] = tp / (fp + tp + Epsilon);
                        }

                        recall[(cell * t) + ti] = n > 0 ? rc[n - 1] : 0;
                        for (int i = n - 1; i > 0; i--)
                        {
                            if (pr[i] > pr[i - 1])
                            {
                                pr[i - 1] = pr[i];
                            }
                        }

                        var q = precision.AsSpan(((cell * t) + ti) * r, r);
                        var s = scores.AsSpan(((cell * t) + ti) * r, r);
                        q.Clear();
                        s.Clear();
                        int idx = 0;
                        for (int ri = 0; ri < r; ri++)
                        {
                            while (idx < n && rc[idx] < recallThresholds[ri])
                            {
                                idx++;
                            }

                            if (idx >= n)
                            {
                                break;
                            }

                            q[ri] = pr[idx];
                            s[ri] = sorted[idx];
                        }
                    }
                }
            }
        }

        return (precision, scores, recall);
    }
}
