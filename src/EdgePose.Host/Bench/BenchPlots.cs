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
        if (report.E2e is { } e2e && e2e.Samples.Count > 0)
        {
            var stats = new EngineBenchResult(0, e2e.Latency, 0) { Samples = e2e.Samples };
            files.Add(Histogram(report, stats, Path.Combine(folder, "e2e-histogram.png"), "glass-to-event latency (ms)", Invariant($"glass to event, {e2e.Events} events")));
            files.Add(OverTime(report, stats, Path.Combine(folder, "e2e-over-time.png"), e2e.ArrivalSeconds, "second of the run", Invariant($"glass to event of each event over {e2e.Seconds:0} s")));
        }

        if (report.Pipeline is { } pipeline && report.E2e is null)
        {
            files.Add(PipelineLatency(report, pipeline, Path.Combine(folder, "pipeline-latency.png")));
            if (pipeline.FpsOverTime.Count > 0)
            {
                files.Add(PipelineOverTime(report, pipeline, Path.Combine(folder, "pipeline-over-time.png")));
            }
        }

        foreach (var r in report.Results)
        {
            if (r.Samples.Count == 0)
            {
                continue;
            }

            files.Add(Histogram(report, r, Path.Combine(folder, Invariant($"batch{r.Batch}-histogram.png")), "latency per run (ms)", Invariant($"batch {r.Batch}: latency of {r.Latency.Count} runs")));
            files.Add(OverTime(report, r, Path.Combine(folder, Invariant($"batch{r.Batch}-over-time.png")), null, "run", Invariant($"batch {r.Batch}: latency of each run in order")));
        }

        return files;
    }

    private static string Histogram(BenchReport report, EngineBenchResult r, string path, string xLabel, string title)
    {
        var plot = new Plot();
        var l = r.Latency;
        double span = Math.Max(l.Max - l.Min, 0.01);
        var hist = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp(r.Samples.Count / 4, 10, 60), l.Min - (span * 0.02), l.Max + (span * 0.02));
        hist.AddRange(r.Samples);
        plot.Add.Histogram(hist);
        Mark(plot, l.P50, "p50", Colors.Green);
        Mark(plot, l.P99, "p99", Colors.Red);
        plot.Title($"{Path.GetFileName(report.Model)}, {title}");
        plot.XLabel(xLabel);
        plot.YLabel("count");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string OverTime(BenchReport report, EngineBenchResult r, string path, IReadOnlyList<double>? x, string xLabel, string title)
    {
        var plot = new Plot();
        var xs = x?.ToArray() ?? Enumerable.Range(1, r.Samples.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.ScatterPoints(xs, r.Samples.ToArray());
        line.MarkerSize = 3;
        line.LegendText = x is null ? "run" : "event";
        var p50 = plot.Add.HorizontalLine(r.Latency.P50, 1, Colors.Green);
        p50.LegendText = Invariant($"p50 {r.Latency.P50:0.00} ms");
        plot.Title($"{Path.GetFileName(report.Model)}, {title}");
        plot.XLabel(xLabel);
        plot.YLabel("latency (ms)");
        plot.Axes.SetLimitsY(0, r.Latency.Max * 1.1);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string PipelineLatency(BenchReport report, PipelineBenchResult p, string path)
    {
        var plot = new Plot();
        var rows = p.Latencies.Where(l => l.Count > 0).ToList();
        var bars = new List<Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 1, Value = rows[i].P50, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = (i * 3) + 2, Value = rows[i].P99, FillColor = Colors.OrangeRed });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. rows.Select((_, i) => (i * 3) + 1.5)], [.. rows.Select(r => r.Name)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 120;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "p50", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "p99", FillColor = Colors.OrangeRed });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(Invariant($"{Path.GetFileName(report.Model)}: latency per stage over {p.Frames} frames"));
        plot.YLabel("ms");
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string PipelineOverTime(BenchReport report, PipelineBenchResult p, string path)
    {
        var plot = new Plot();
        var xs = Enumerable.Range(1, p.FpsOverTime.Count).Select(i => (double)i).ToArray();
        var fps = plot.Add.ScatterLine(xs, p.FpsOverTime.ToArray());
        fps.LegendText = "frames/s";
        fps.LineWidth = 2;
        var cpu = plot.Add.ScatterLine(xs, p.CpuOverTime.ToArray());
        cpu.LegendText = "process CPU (% of a core)";
        cpu.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "CPU %";
        plot.Axes.SetLimitsY(0, Math.Max(1, p.FpsOverTime.Max() * 1.2), plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(100, p.CpuOverTime.DefaultIfEmpty(0).Max() * 1.2), plot.Axes.Right);
        plot.Title(Invariant($"{Path.GetFileName(report.Model)}: throughput and CPU each second"));
        plot.XLabel("second");
        plot.YLabel("frames/s");
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
