using System.Globalization;

namespace EdgePose.Core.Benchmarking;

/// <summary>
/// Compares a benchmark with an earlier one (its baseline) batch size by batch size: a median latency or a
/// throughput worse by more than the threshold is a regression. p99 and max are left out: one stray
/// scheduling delay moves them, so they would cry wolf. Results are comparable only for the same kind, model
/// file name and runtime settings; what differs is reported as a mismatch before any number is compared.
/// </summary>
public static class BaselineComparison
{
    /// <summary>The regressions of <paramref name="current"/> against <paramref name="baseline"/> beyond <paramref name="thresholdPercent"/> (e.g. 10).</summary>
    public static IReadOnlyList<BenchRegression> Regressions(BenchReport current, BenchReport baseline, double thresholdPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdPercent);
        var found = new List<BenchRegression>();
        foreach (var now in current.Results)
        {
            var then = baseline.Results.FirstOrDefault(r => r.Batch == now.Batch);
            if (then is null)
            {
                continue;
            }

            double latency = Change(then.Latency.P50, now.Latency.P50);
            if (latency > thresholdPercent)
            {
                found.Add(new BenchRegression(now.Batch, "p50 latency", then.Latency.P50, now.Latency.P50, latency, "ms"));
            }

            // Throughput regresses when it falls: the change is counted as a loss.
            double throughput = -Change(then.ImagesPerSecond, now.ImagesPerSecond);
            if (throughput > thresholdPercent)
            {
                found.Add(new BenchRegression(now.Batch, "throughput", then.ImagesPerSecond, now.ImagesPerSecond, throughput, "images/s"));
            }
        }

        if (current.Pipeline is { } p && baseline.Pipeline is { } b)
        {
            if (p.Latency(CaptureToResult) is { } now && b.Latency(CaptureToResult) is { } then && Change(then.P50, now.P50) is var latency && latency > thresholdPercent)
            {
                found.Add(new BenchRegression(0, "capture-to-result p50", then.P50, now.P50, latency, "ms"));
            }

            if (-Change(b.Fps, p.Fps) is var fps && fps > thresholdPercent)
            {
                found.Add(new BenchRegression(0, "throughput", b.Fps, p.Fps, fps, "fps"));
            }
        }

        if (current.E2e is { } e && baseline.E2e is { } eb && Change(eb.Latency.P50, e.Latency.P50) is var glass && glass > thresholdPercent)
        {
            found.Add(new BenchRegression(0, "glass-to-event p50", eb.Latency.P50, e.Latency.P50, glass, "ms"));
        }

        return found;
    }

    /// <summary>The pipeline latency a baseline compares: capture to decoded result.</summary>
    public const string CaptureToResult = "capture-to-result";

    /// <summary>Why the two reports cannot be compared (different kind, schema, model or batch sizes), or null when they can.</summary>
    public static string? Mismatch(BenchReport current, BenchReport baseline)
    {
        if (baseline.Schema != current.Schema)
        {
            return $"the baseline's schema is '{baseline.Schema}', this run's '{current.Schema}'";
        }

        if (baseline.Kind != current.Kind)
        {
            return $"the baseline measured '{baseline.Kind}', this run '{current.Kind}'";
        }

        if (!string.Equals(Path.GetFileName(baseline.Model), Path.GetFileName(current.Model), StringComparison.Ordinal))
        {
            return $"the baseline's model is '{Path.GetFileName(baseline.Model)}', this run's '{Path.GetFileName(current.Model)}'";
        }

        if (current.Results.Count > 0 && !current.Results.Any(r => baseline.Results.Any(b => b.Batch == r.Batch)))
        {
            return $"the baseline has no batch size of this run ({string.Join(", ", current.Results.Select(r => r.Batch))})";
        }

        return null;
    }

    /// <summary>"batch 1 p50 latency 21.40 → 25.90 ms (+21.0 %)".</summary>
    public static string Describe(BenchRegression r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(r.Batch > 0 ? $"batch {r.Batch} " : "")}{r.Measure} {r.Baseline:0.00} → {r.Current:0.00} {r.Unit} ({(r.Measure == "throughput" ? "-" : "+")}{r.ChangePercent:0.0} %)");

    private static double Change(double before, double after) => before <= 0 ? 0 : (after - before) / before * 100;
}
