using System.Globalization;
using EdgePose.Core.Benchmarking;
using ScottPlot;

namespace EdgePose.Host.Bench;

/// <summary>
/// The PNG plots of `bench engine`, drawn with ScottPlot, one pair per batch size: the latency histogram with
/// p50 and p99 marked, and the latency of each run over time (drift and stalls show there).
/// </summary>
internal static class BenchPlots
{
    public const int Width = 900;
    public const int Height = 520;

    /// <summary>Writes batch<i>N</i>-histogram.png and batch<i>N</i>-over-time.png into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(BenchReport report, string folder)
    {
        var files = new List<string>();
        foreach (var r in report.Results)
        {
            if (r.Samples.Count == 0)
            {
                continue;
            }

            files.Add(Histogram(report, r, Path.Combine(folder, Invariant($"batch{r.Batch}-histogram.png"))));
            files.Add(OverTime(report, r, Path.Combine(folder, Invariant($"batch{r.Batch}-over-time.png"))));
        }

        return files;
    }

    private static string Histogram(BenchReport report, EngineBenchResult r, string path)
    {
        var plot = new Plot();
        var l = r.Latency;
        double span = Math.Max(l.Max - l.Min, 0.01);
        var hist = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp(r.Samples.Count / 4, 10, 60), l.Min - (span * 0.02), l.Max + (span * 0.02));
        hist.AddRange(r.Samples);
        plot.Add.Histogram(hist);
        Mark(plot, l.P50, "p50", Colors.Green);
        Mark(plot, l.P99, "p99", Colors.Red);
        plot.Title(Invariant($"{Path.GetFileName(report.Model)}, batch {r.Batch}: latency of {l.Count} runs"));
        plot.XLabel("latency per run (ms)");
        plot.YLabel("runs");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string OverTime(BenchReport report, EngineBenchResult r, string path)
    {
        var plot = new Plot();
        var xs = Enumerable.Range(1, r.Samples.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.ScatterPoints(xs, r.Samples.ToArray());
        line.MarkerSize = 3;
        line.LegendText = "run";
        var p50 = plot.Add.HorizontalLine(r.Latency.P50, 1, Colors.Green);
        p50.LegendText = Invariant($"p50 {r.Latency.P50:0.00} ms");
        plot.Title(Invariant($"{Path.GetFileName(report.Model)}, batch {r.Batch}: latency of each run in order"));
        plot.XLabel("run");
        plot.YLabel("latency (ms)");
        plot.Axes.SetLimitsY(0, r.Latency.Max * 1.1);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static void Mark(Plot plot, double x, string name, Color color)
    {
        var line = plot.Add.VerticalLine(x, 2, color);
        line.LegendText = Invariant($"{name} {x:0.00} ms");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
