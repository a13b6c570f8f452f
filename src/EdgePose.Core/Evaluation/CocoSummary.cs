using System.Globalization;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// pycocotools' summarize(): which numbers a keypoint (10) or box (12) evaluation reports and how each one is
/// the mean of the defined (&gt; −1) precisions or recalls over thresholds, recall points and categories.
/// Names follow stats.json / Ultralytics: AP, AP50, AP75, AP + area initial, AR..., AR + max detections for boxes.
/// </summary>
internal static class CocoSummary
{
    public static List<CocoStat> Compute(CocoEvaluation e)
    {
        var p = e.Parameters;
        var stats = new List<CocoStat>(12);
        var areas = p.AreaRanges.Where(a => a.Label != AreaRange.All.Label).Select(a => a.Label).ToArray();
        int last = p.MaxDetections[^1];
        if (p.Kind == CocoEvaluationKind.Keypoints)
        {
            int maxDet = p.MaxDetections.Contains(20) ? 20 : last;
            foreach (bool ap in new[] { true, false })
            {
                string kind = ap ? "AP" : "AR";
                stats.Add(Stat(e, kind, ap, null, "all", maxDet));
                stats.Add(Stat(e, kind + "50", ap, 0.5, "all", maxDet));
                stats.Add(Stat(e, kind + "75", ap, 0.75, "all", maxDet));
                foreach (var area in areas)
                {
                    stats.Add(Stat(e, kind + area[0], ap, null, area, maxDet));
                }
            }
        }
        else
        {
            stats.Add(Stat(e, "AP", true, null, "all", last));
            stats.Add(Stat(e, "AP50", true, 0.5, "all", last));
            stats.Add(Stat(e, "AP75", true, 0.75, "all", last));
            foreach (var area in areas)
            {
                stats.Add(Stat(e, "AP" + area[0], true, null, area, last));
            }

            foreach (int maxDet in p.MaxDetections)
            {
                stats.Add(Stat(e, "AR" + maxDet.ToString(CultureInfo.InvariantCulture), false, null, "all", maxDet));
            }

            foreach (var area in areas)
            {
                stats.Add(Stat(e, "AR" + area[0], false, null, area, last));
            }
        }

        return stats;
    }

    private static CocoStat Stat(CocoEvaluation e, string name, bool precision, double? threshold, string area, int maxDet)
    {
        var p = e.Parameters;
        var thresholds = p.IouThresholds;
        string iouLabel = threshold is { } th
            ? th.ToString("F2", CultureInfo.InvariantCulture)
            : $"{thresholds[0].ToString("F2", CultureInfo.InvariantCulture)}:{thresholds[^1].ToString("F2", CultureInfo.InvariantCulture)}";
        int a = IndexOf(p.AreaRanges, area);
        int m = p.MaxDetections.ToList().IndexOf(maxDet);
        var values = new List<double>();
        if (a >= 0 && m >= 0)
        {
            for (int t = 0; t < thresholds.Count; t++)
            {
                if (threshold is { } want && Math.Abs(thresholds[t] - want) > 1e-12)
                {
                    continue;
                }

                if (precision)
                {
                    for (int r = 0; r < p.RecallThresholds.Count; r++)
                    {
                        for (int k = 0; k < e.CategoryIds.Count; k++)
                        {
                            double v = e.Precision(t, r, k, a, m);
                            if (v > -1)
                            {
                                values.Add(v);
                            }
                        }
                    }
                }
                else
                {
                    for (int k = 0; k < e.CategoryIds.Count; k++)
                    {
                        double v = e.Recall(t, k, a, m);
                        if (v > -1)
                        {
                            values.Add(v);
                        }
                    }
                }
            }
        }

        double mean = values.Count == 0 ? -1 : PairwiseSum.Sum(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values)) / values.Count;
        return new CocoStat(name, precision, iouLabel, area, maxDet, mean);
    }

    private static int IndexOf(IReadOnlyList<AreaRange> areas, string label)
    {
        for (int i = 0; i < areas.Count; i++)
        {
            if (areas[i].Label == label)
            {
                return i;
            }
        }

        return -1;
    }
}
