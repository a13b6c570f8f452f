using System.Globalization;
using System.Text;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Run;

/// <summary>
/// The final summary of `edgepose run`: frames, persons, fps and drops per source, latency p50/p95/p99/max per
/// stage (HdrHistogram), capture to result and to each output, and how busy the engine was.
/// </summary>
public static class RunSummary
{
    public static string Format(PipelineStats stats, string model, string engine)
    {
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        double seconds = stats.Elapsed.TotalSeconds;
        long frames = stats.FramesInferred;
        sb.AppendLine(ic, $"edgepose run: {frames} frames from {stats.Sources.Count} source{(stats.Sources.Count == 1 ? string.Empty : "s")} in {seconds:0.0} s ({(seconds > 0 ? frames / seconds : 0):0.0} fps), {stats.Persons} persons, {stats.FramesDropped} dropped");
        sb.AppendLine(ic, $"model {model} on {engine}");
        sb.AppendLine();
        sb.AppendLine(ic, $"{"source",-16} {"state",-12} {"captured",9} {"inferred",9} {"dropped",8} {"persons",8} {"fps",6} {"reconnects",10} {"stalls",6}");
        foreach (var s in stats.Sources)
        {
            sb.AppendLine(ic, $"{Clip(s.Source.Id, 16),-16} {s.State.ToString().ToLowerInvariant(),-12} {s.Captured,9} {s.Inferred,9} {s.Dropped,8} {s.Persons,8} {(seconds > 0 ? s.Inferred / seconds : 0),6:0.0} {s.Reconnects,10} {s.Stalls,6}");
            if (s.LastError is { } error)
            {
                sb.AppendLine(ic, $"  {error}");
            }
        }

        sb.AppendLine();
        sb.AppendLine(ic, $"{"latency (ms)",-24} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"count",8}");
        foreach (var stage in Enum.GetValues<PipelineStage>().Skip(1))
        {
            Row(sb, stats.Stage(stage).Summary());
        }

        Row(sb, stats.EngineRun.Summary());
        Row(sb, stats.CaptureToResult.Summary());
        foreach (var sink in stats.Sinks)
        {
            Row(sb, sink.CaptureToWritten.Summary() with { Name = "capture-to-" + sink.Name });
        }

        sb.AppendLine();
        sb.AppendLine(ic, $"engine busy {stats.InferenceUtilisation * 100:0.0}% of the wall time; {stats.Batches} batches, mean batch {stats.MeanBatch:0.00}");
        foreach (var sink in stats.Sinks.Where(s => s.Dropped > 0 || s.Failed > 0))
        {
            sb.AppendLine(ic, $"output {sink.Name}: {sink.Written} written, {sink.Dropped} dropped, {sink.Failed} failed");
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, LatencySummary s) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Name,-24} {s.P50,8:0.0} {s.P95,8:0.0} {s.P99,8:0.0} {s.Max,8:0.0} {s.Count,8}");

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
