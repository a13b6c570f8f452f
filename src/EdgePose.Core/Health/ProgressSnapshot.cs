using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Health;

/// <summary>
/// Counters of the pipeline at one moment, enough to tell whether each stage moved since an earlier moment and
/// whether work is waiting for it: frames captured and dropped at the sources, frames through inference, and per
/// output the results it has finished (written or failed) and those its queue pushed out.
/// </summary>
public sealed record ProgressSnapshot(long Captured, long SourceDropped, long Inferred, IReadOnlyDictionary<string, (long Done, long Dropped)> Outputs)
{
    /// <summary>Frames captured that inference has neither taken nor dropped yet.</summary>
    public long WaitingForInference => Math.Max(0, Captured - SourceDropped - Inferred);

    /// <summary>Results inferred that output <paramref name="name"/> has neither finished nor dropped yet.</summary>
    public long WaitingFor(string name) => Outputs.TryGetValue(name, out var o) ? Math.Max(0, Inferred - o.Done - o.Dropped) : 0;

    public static ProgressSnapshot Of(PipelineStats stats)
    {
        long captured = 0, dropped = 0;
        foreach (var s in stats.Sources)
        {
            captured += s.Captured;
            dropped += s.Dropped;
        }

        var outputs = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var sink in stats.Sinks)
        {
            outputs[sink.Name] = (sink.Written + sink.Failed, sink.Dropped);
        }

        return new ProgressSnapshot(captured, dropped, stats.FramesInferred, outputs);
    }
}
