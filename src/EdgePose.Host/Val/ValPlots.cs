using System.Globalization;
using EdgePose.Core.Charts;
using EdgePose.Native.Drawing;
using EdgePose.Native.OpenCv;

namespace EdgePose.Host.Val;

/// <summary>The PNG plots of a val run: keypoint precision–recall per OKS threshold, and the mean error per keypoint.</summary>
public static class ValPlots
{
    public static void WritePrecisionRecall(ValResult r, string path)
    {
        var e = r.Keypoints;
        var recall = e.Parameters.RecallThresholds;
        var series = new List<ChartSeries>();
        for (int t = 0; t < e.Parameters.IouThresholds.Count; t++)
        {
            var curve = e.PrecisionCurve(t).ToArray();
            var defined = curve.Where(p => p >= 0).ToArray();
            string ap = defined.Length > 0 ? defined.Average().ToString("F3", CultureInfo.InvariantCulture) : "n/a";
            string name = string.Create(CultureInfo.InvariantCulture, $"OKS {e.Parameters.IouThresholds[t]:F2}: AP {ap}");
            series.Add(new ChartSeries(name, ChartPalette.Series(t), recall, curve));
        }

        const int width = 960, height = 620;
        var chart = LineChart.Layout(width, height, "Keypoint precision-recall per OKS threshold (area all, maxDets 20)", "recall", "precision", series, (0, 1), (0, 1));
        Write(path, width, height, chart);
    }

    public static void WriteKeypointErrors(ValResult r, string path)
    {
        var errors = r.Keypoints.KeypointErrors!;
        int width = 860, height = 150 + (26 * errors.KeypointCount);
        var chart = BarChart.Layout(
            width,
            height,
            "Mean keypoint error of detections matched at OKS 0.50",
            "mean distance / sqrt(object area)",
            r.Data.Meta.KeypointNames,
            errors.MeanNormalizedDistance,
            "0.000");
        Write(path, width, height, chart);
    }

    private static void Write(string path, int width, int height, IReadOnlyList<ChartElement> chart)
    {
        using var canvas = ChartPainter.Render(width, height, chart);
        ImageCodec.Write(path, canvas);
    }
}
