using System.Globalization;
using System.Text;

namespace EdgePose.Core.Benchmarking;

/// <summary>The Markdown table of a benchmark report, ready to paste into docs/performance.md, with the machine and settings above it.</summary>
public static class BenchMarkdown
{
    public static string Of(BenchReport report)
    {
        var s = new StringBuilder();
        var m = report.Machine;
        s.AppendLine(Invariant($"**{report.Kind}** benchmark of `{Path.GetFileName(report.Model)}` on {report.Runtime}"));
        s.AppendLine();
        s.AppendLine(Invariant($"Machine: {m.Cpu} ({m.Cores} cores), {m.Os} {m.Architecture}, .NET {m.DotNet}{(m.Gpu is null ? "" : ", GPU " + m.Gpu)}{(m.PowerMode is null ? "" : ", power mode " + m.PowerMode)}; EdgePose {report.Version}; {report.Time:yyyy-MM-dd HH:mm} UTC."));
        if (report.Config.Count > 0)
        {
            s.AppendLine(Invariant($"Settings: {string.Join(", ", report.Config.Select(kv => $"{kv.Key} {kv.Value}"))}."));
        }

        s.AppendLine();
        if (report.E2e is { } e)
        {
            AppendE2e(s, e);
            s.AppendLine();
        }

        if (report.Pipeline is { } p)
        {
            AppendPipeline(s, p);
            return s.ToString();
        }

        if (report.E2e is not null)
        {
            return s.ToString();
        }

        bool bare = report.Results.Any(r => r.Bare is not null);
        bool gpu = report.Results.Any(r => r.GpuCompute is not null);
        s.Append("| batch | runs | min ms | mean ms | p50 ms | p90 ms | p99 ms | max ms | images/s |");
        s.Append(gpu ? " GPU compute p50 ms | H2D p50 ms | D2H p50 ms |" : "");
        s.AppendLine(bare ? " bare runtime p50 ms | ours / bare |" : "");
        s.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        s.Append(gpu ? "---:|---:|---:|" : "");
        s.AppendLine(bare ? "---:|---:|" : "");
        foreach (var r in report.Results)
        {
            var l = r.Latency;
            s.Append(Invariant($"| {r.Batch} | {l.Count} | {l.Min:0.00} | {l.Mean:0.00} | {l.P50:0.00} | {l.P90:0.00} | {l.P99:0.00} | {l.Max:0.00} | {r.ImagesPerSecond:0.0} |"));
            if (gpu)
            {
                s.Append(Invariant($" {P50(r.GpuCompute)} | {P50(r.HostToDevice)} | {P50(r.DeviceToHost)} |"));
            }

            if (bare)
            {
                s.Append(r.Bare is { } b ? Invariant($" {b.P50:0.00} | {l.P50 / b.P50:0.000} |") : " n/a | n/a |");
            }

            s.AppendLine();
        }

        return s.ToString();
    }

    private static void AppendPipeline(StringBuilder s, PipelineBenchResult p)
    {
        s.AppendLine(Invariant($"{p.Frames} frames in {p.Seconds:0.0} s ({p.Fps:0.0} fps), {p.Dropped} dropped; engine busy {p.EngineBusy * 100:0.0} %, mean batch {p.MeanBatch:0.00}; process CPU {p.CpuPercent:0} % of a core, peak memory {p.PeakMemoryMiB:0} MiB{(p.GpuLoadPercent is { } g ? $", GPU load {g:0} %" : "")}{(p.PowerWatts is { } w ? $", power {w:0.0} W" : "")}."));
        s.AppendLine();
        s.AppendLine("| latency (ms) | p50 | p95 | p99 | max | count |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var l in p.Latencies)
        {
            s.AppendLine(Invariant($"| {l.Name} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} | {l.Count} |"));
        }

        s.AppendLine();
        s.AppendLine("| source | captured | inferred | dropped | reconnects |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var src in p.Sources)
        {
            s.AppendLine(Invariant($"| {src.Id} | {src.Captured} | {src.Inferred} | {src.Dropped} | {src.Reconnects} |"));
        }
    }

    private static void AppendE2e(StringBuilder s, E2eBenchResult e)
    {
        var l = e.Latency;
        s.AppendLine(Invariant($"Glass to event (frame made → pose event received over MQTT): {e.Events} events in {e.Seconds:0} s."));
        s.AppendLine();
        s.AppendLine("| window | events | p50 ms | p90 ms | p99 ms | max ms |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|");
        s.AppendLine(Invariant($"| all | {l.Count} | {l.P50:0.0} | {l.P90:0.0} | {l.P99:0.0} | {l.Max:0.0} |"));
        for (int i = 0; i < e.PerWindow.Count; i++)
        {
            var w = e.PerWindow[i];
            s.AppendLine(Invariant($"| {i * e.WindowSeconds:0}–{(i + 1) * e.WindowSeconds:0} s | {w.Count} | {w.P50:0.0} | {w.P90:0.0} | {w.P99:0.0} | {w.Max:0.0} |"));
        }
    }

    private static string P50(LatencyStatistics? s) => s is null ? "n/a" : s.P50.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
