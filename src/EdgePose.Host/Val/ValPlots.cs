using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EdgePose.Host.Val;

/// <summary>
/// The PNG plots of a val run, drawn with ScottPlot: keypoint precision–recall per OKS threshold, and the
/// mean error per keypoint.
/// </summary>
public static class ValPlots
{
    public const int PrecisionRecallWidth = 960;
    public const int PrecisionRecallHeight = 620;
    public const int KeypointErrorsWidth = 860;

    /// <summary>The height of the keypoint error plot: room for a bar per keypoint.</summary>
    public static int KeypointErrorsHeight(int keypoints) => 150 + (26 * keypoints);

    public static void WritePrecisionRecall(ValResult r, string path)
    {
        var e = r.Keypoints;
        var recall = e.Parameters.RecallThresholds;
        var plot = new Plot();
        for (int t = 0; t < e.Parameters.IouThresholds.Count; t++)
        {
            // Precision is -1 where no detection reaches that recall: those points are left out.
            var curve = e.PrecisionCurve(t).ToArray();
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < curve.Length; i++)
            {
                if (curve[i] >= 0)
                {
                    xs.Add(recall[i]);
                    ys.Add(curve[i]);
                }
            }

            string ap = ys.Count > 0 ? ys.Average().ToString("F3", CultureInfo.InvariantCulture) : "n/a";
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LineWidth = 2;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"OKS {e.Parameters.IouThresholds[t]:F2}: AP {ap}");
        }

        plot.Title("Keypoint precision-recall per OKS threshold (area all, maxDets 20)");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        // Upper right: curves fall to zero before recall 1, so that corner stays clear.
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path, PrecisionRecallWidth, PrecisionRecallHeight);
    }

    public static void WriteKeypointErrors(ValResult r, string path)
    {
        var means = r.Keypoints.KeypointErrors!.MeanNormalizedDistance;
        var names = r.Data.Meta.KeypointNames;
        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new double[means.Length];
        var labels = new string[means.Length];

        // The first keypoint on top: positions count down.
        for (int k = 0; k < means.Length; k++)
        {
            positions[k] = means.Length - 1 - k;
            // A keypoint never matched has no mean: no bar, and "n/a" by its name.
            bool known = double.IsFinite(means[k]);
            labels[k] = known ? names[k] : $"{names[k]} (n/a)";
            if (known)
            {
                bars.Add(new Bar { Position = positions[k], Value = means[k], Label = means[k].ToString("0.000", CultureInfo.InvariantCulture), FillColor = Colors.SteelBlue });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);
        plot.Title("Mean keypoint error of detections matched at OKS 0.50");
        plot.XLabel("mean distance / sqrt(object area)");
        Save(plot, path, KeypointErrorsWidth, KeypointErrorsHeight(means.Length));
    }

    private static void Save(Plot plot, string path, int width, int height)
    {
        try
        {
            plot.SavePng(path, width, height);
        }
        catch (IOException e)
        {
            throw new Core.Errors.InputException($"cannot write plot '{path}': {e.Message}", e);
        }
    }
}
