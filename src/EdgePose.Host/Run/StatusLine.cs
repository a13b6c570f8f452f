using System.Globalization;
using System.Text;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Run;

/// <summary>The one-line live status of a running pipeline: sources live, frames, fps, persons, drops, latency, and the broker.</summary>
public static class StatusLine
{
    public static string Format(PipelineStats stats, long previousFrames, TimeSpan interval, BrokerStatus? broker = null)
    {
        var sb = new StringBuilder();
        var ic = CultureInfo.InvariantCulture;
        int live = stats.Sources.Count(s => s.State == SourceState.Live);
        long frames = stats.FramesInferred;
        double fps = interval > TimeSpan.Zero ? (frames - previousFrames) / interval.TotalSeconds : 0;
        sb.Append(ic, $"[{stats.Elapsed.TotalSeconds,6:0.0} s] {live}/{stats.Sources.Count} live | {frames} frames {fps:0.0} fps | {stats.Persons} persons | {stats.FramesDropped} dropped");
        var inference = stats.EngineRun.Summary();
        var total = stats.CaptureToResult.Summary();
        if (inference.Count > 0)
        {
            sb.Append(ic, $" | engine p50 {inference.P50:0.0} ms | capture→result p50 {total.P50:0.0} p99 {total.P99:0.0} ms");
        }

        sb.Append(broker?.Describe());
        foreach (var s in stats.Sources.Where(s => s.State is not (SourceState.Live or SourceState.Ended)))
        {
            sb.Append(ic, $" | {s.Source.Id}: {s.State.ToString().ToLowerInvariant()}");
        }

        return sb.ToString();
    }
}
