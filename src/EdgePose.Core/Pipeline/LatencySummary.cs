namespace EdgePose.Core.Pipeline;

/// <summary>Percentiles of one stage's latency, in milliseconds.</summary>
public readonly record struct LatencySummary(string Name, long Count, double P50, double P95, double P99, double Max)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Name} p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms");
}
