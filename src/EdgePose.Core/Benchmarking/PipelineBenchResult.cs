using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Benchmarking;

/// <summary>
/// `bench pipeline`: a source through the whole pipeline. Frames, fps and drops, the latency of each stage and
/// from capture to result and to each output (HdrHistogram: p50, p95, p99, max), how busy the engine was, the
/// process's CPU and memory, and the Jetson's GPU load and power where the board reports them.
/// </summary>
public sealed record PipelineBenchResult(double Seconds, long Frames, double Fps, long Dropped, double EngineBusy, double MeanBatch)
{
    public IReadOnlyList<LatencySummary> Latencies { get; init; } = [];

    /// <summary>Per source: id, frames captured and inferred, drops, reconnects.</summary>
    public IReadOnlyList<SourceBenchResult> Sources { get; init; } = [];

    /// <summary>Mean CPU use of the process over the run, in percent of one core (as top shows it).</summary>
    public double CpuPercent { get; init; }

    /// <summary>Peak resident memory of the process, in MiB.</summary>
    public double PeakMemoryMiB { get; init; }

    /// <summary>Mean GPU load in percent, where the board reports it (Jetson's sysfs).</summary>
    public double? GpuLoadPercent { get; init; }

    /// <summary>Mean board power in watts, where the board reports it (Jetson's INA3221 monitors).</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Frames inferred per second, one sample a second, for the over-time plot.</summary>
    public IReadOnlyList<double> FpsOverTime { get; init; } = [];

    /// <summary>CPU use of the process in percent of one core, one sample a second.</summary>
    public IReadOnlyList<double> CpuOverTime { get; init; } = [];

    /// <summary>The latency summary named <paramref name="name"/> (e.g. "capture-to-result"), or null.</summary>
    public LatencySummary? Latency(string name)
    {
        foreach (var l in Latencies)
        {
            if (l.Name == name)
            {
                return l;
            }
        }

        return null;
    }
}
