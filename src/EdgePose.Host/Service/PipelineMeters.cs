using System.Diagnostics.Metrics;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Service;

/// <summary>
/// The pipeline's numbers as System.Diagnostics.Metrics instruments on the meter "EdgePose", read from
/// <see cref="PipelineStats"/> when a collector asks (observable instruments: nothing is recorded per frame).
/// prometheus-net's meter adapter turns them into Prometheus metrics for /metrics, named edgepose_&lt;instrument&gt;
/// (edgepose_frames_captured{source="door"}, edgepose_latency_ms{stage="inference",quantile="0.99"}, ...).
/// </summary>
public sealed class PipelineMeters : IDisposable
{
    public const string MeterName = "EdgePose";
    private static readonly (string Name, double Quantile)[] s_quantiles = [("0.5", 50), ("0.95", 95), ("0.99", 99)];
    private readonly Meter _meter = new(MeterName);

    public PipelineMeters(PipelineStats stats, EdgePose.Host.Run.BrokerStatus? broker = null)
    {
        if (broker is not null)
        {
            _meter.CreateObservableGauge("mqtt_connected", () => broker.Sink is { } s ? [new Measurement<long>(s.IsConnected ? 1 : 0)] : Array.Empty<Measurement<long>>(), description: "1 while the MQTT output is connected and has announced itself");
            _meter.CreateObservableGauge("mqtt_queued", () => broker.Sink is { } s ? [new Measurement<long>(s.Queued)] : Array.Empty<Measurement<long>>(), description: "Events waiting for the broker (outbox and spool)");
            _meter.CreateObservableCounter("mqtt_published", () => broker.Sink is { } s ? [new Measurement<long>(s.Published)] : Array.Empty<Measurement<long>>(), description: "Events the broker accepted");
        }

        _meter.CreateObservableCounter("frames_captured", () => PerSource(stats, s => s.Captured), description: "Frames read from each source");
        _meter.CreateObservableCounter("frames_inferred", () => PerSource(stats, s => s.Inferred), description: "Frames of each source through the model");
        _meter.CreateObservableCounter("frames_dropped", () => PerSource(stats, s => s.Dropped), description: "Frames of each source dropped (a newer frame replaced it, or the pipeline was full)");
        _meter.CreateObservableCounter("persons", () => PerSource(stats, s => s.Persons), description: "Persons found in each source's frames");
        _meter.CreateObservableCounter("source_reconnects", () => PerSource(stats, s => s.Reconnects), description: "Reconnects of each source");
        _meter.CreateObservableGauge("source_live", () => PerSource(stats, s => s.State == SourceState.Live ? 1L : 0L), description: "1 while the source delivers frames");
        _meter.CreateObservableCounter("output_written", () => stats.Sinks.Select(s => new Measurement<long>(s.Written, new KeyValuePair<string, object?>("output", s.Name))), description: "Results each output wrote");
        _meter.CreateObservableCounter("output_dropped", () => stats.Sinks.Select(s => new Measurement<long>(s.Dropped, new KeyValuePair<string, object?>("output", s.Name))), description: "Results each output's queue pushed out");
        _meter.CreateObservableGauge("engine_busy_ratio", () => stats.InferenceUtilisation, description: "Share of the wall time the engine was running");
        _meter.CreateObservableGauge("latency_ms", () => Latencies(stats), unit: "ms", description: "Latency per stage and quantile since the start (HdrHistogram)");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> PerSource(PipelineStats stats, Func<SourceCounters, long> value) =>
        stats.Sources.Select(s => new Measurement<long>(value(s), new KeyValuePair<string, object?>("source", s.Source.Id)));

    private static IEnumerable<Measurement<double>> Latencies(PipelineStats stats)
    {
        var summaries = Enum.GetValues<PipelineStage>().Skip(1).Select(s => stats.Stage(s).Summary())
            .Append(stats.EngineRun.Summary())
            .Append(stats.CaptureToResult.Summary());
        foreach (var s in summaries)
        {
            if (s.Count == 0)
            {
                continue;
            }

            foreach (var (q, p) in s_quantiles)
            {
                double v = p switch { 50 => s.P50, 95 => s.P95, _ => s.P99 };
                yield return new Measurement<double>(v, new KeyValuePair<string, object?>("stage", s.Name), new KeyValuePair<string, object?>("quantile", q));
            }
        }
    }
}
