namespace EdgePose.Core.Benchmarking;

/// <summary>
/// Exact statistics of a set of latencies in milliseconds, as trtexec reports them: min, mean, median (p50),
/// p90, p99 and max. Percentiles are nearest-rank: the smallest sample with at least p % of the samples at or below it.
/// </summary>
public sealed record LatencyStatistics(int Count, double Min, double Mean, double P50, double P90, double P99, double Max)
{
    public static LatencyStatistics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The statistics of <paramref name="milliseconds"/> (sorted in place).</summary>
    public static LatencyStatistics Of(Span<double> milliseconds)
    {
        if (milliseconds.IsEmpty)
        {
            return Empty;
        }

        milliseconds.Sort();
        double sum = 0;
        foreach (var v in milliseconds)
        {
            sum += v;
        }

        return new LatencyStatistics(
            milliseconds.Length,
            milliseconds[0],
            sum / milliseconds.Length,
            Percentile(milliseconds, 50),
            Percentile(milliseconds, 90),
            Percentile(milliseconds, 99),
            milliseconds[^1]);
    }

    /// <summary>Nearest-rank percentile <paramref name="p"/> (0..100] of ascending <paramref name="sorted"/>.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        int rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
