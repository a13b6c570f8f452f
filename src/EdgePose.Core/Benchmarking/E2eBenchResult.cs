namespace EdgePose.Core.Benchmarking;

/// <summary>
/// `bench e2e`: glass-to-event latency. Each frame of the test stream carries the wall-clock time it was made in
/// its pixels; an MQTT subscriber stamps each pose event on arrival: latency = arrival − that time (encode, RTSP,
/// decode, every pipeline stage, MQTT through the broker). Per minute p50 and p99 show whether latency drifts.
/// </summary>
public sealed record E2eBenchResult(LatencyStatistics Latency, long Events, double Seconds)
{
    /// <summary>Each event's latency in order of arrival, in milliseconds.</summary>
    public IReadOnlyList<double> Samples { get; init; } = [];

    /// <summary>Arrival of each sample in seconds from the first event.</summary>
    public IReadOnlyList<double> ArrivalSeconds { get; init; } = [];

    /// <summary>p50 and p99 of each whole minute (a shorter run: of each tenth of it).</summary>
    public IReadOnlyList<LatencyStatistics> PerWindow { get; init; } = [];

    /// <summary>Length of each window of <see cref="PerWindow"/>, in seconds.</summary>
    public double WindowSeconds { get; init; }

    /// <summary>Splits <paramref name="samples"/> (with their arrival seconds) into windows of <paramref name="windowSeconds"/> and summarises each.</summary>
    public static IReadOnlyList<LatencyStatistics> Windows(IReadOnlyList<double> samples, IReadOnlyList<double> arrival, double windowSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSeconds);
        var windows = new List<LatencyStatistics>();
        int start = 0;
        for (int w = 0; start < samples.Count; w++)
        {
            double end = (w + 1) * windowSeconds;
            int stop = start;
            while (stop < samples.Count && arrival[stop] < end)
            {
                stop++;
            }

            var slice = new double[stop - start];
            for (int i = start; i < stop; i++)
            {
                slice[i - start] = samples[i];
            }

            windows.Add(LatencyStatistics.Of(slice));
            start = stop;
        }

        return windows;
    }
}
