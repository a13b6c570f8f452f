using HdrHistogram;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// Latencies of one stage in microseconds, 1 µs to 10 min at 3 significant digits (HdrHistogram): recording is
/// thread-safe and allocates nothing; percentiles read a consistent copy.
/// </summary>
public sealed class LatencyHistogram
{
    private const long MaxMicroseconds = 600_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, MaxMicroseconds, 3);

    public LatencyHistogram(string name)
    {
        Name = name;
    }

    /// <summary>What the histogram measures, e.g. "inference".</summary>
    public string Name { get; }

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency)
    {
        long us = (long)latency.TotalMicroseconds;
        _histogram.RecordValue(Math.Clamp(us, 1, MaxMicroseconds));
    }

    /// <summary>p50, p95, p99 and max in milliseconds (zeros when nothing was recorded).</summary>
    public LatencySummary Summary()
    {
        var copy = _histogram.Copy();
        if (copy.TotalCount == 0)
        {
            return new LatencySummary(Name, 0, 0, 0, 0, 0);
        }

        static double Ms(long us) => us / 1000.0;
        return new LatencySummary(
            Name,
            copy.TotalCount,
            Ms(copy.GetValueAtPercentile(50)),
            Ms(copy.GetValueAtPercentile(95)),
            Ms(copy.GetValueAtPercentile(99)),
            Ms(copy.GetMaxValue()));
    }

    /// <summary>Forgets everything recorded (the start of a measuring window).</summary>
    public void Reset() => _histogram.Reset();
}
