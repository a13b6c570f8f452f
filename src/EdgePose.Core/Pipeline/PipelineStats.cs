using System.Collections.Concurrent;
using System.Diagnostics;
using EdgePose.Core.Frames;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// Everything a running pipeline measures: per-source counters, per-stage latency histograms, time from
/// capture to result and to each sink, the inference stage's busy time, batches and drops by stage. Safe to read
/// from any thread while the pipeline runs (status line, preview page, metrics).
/// </summary>
public sealed class PipelineStats
{
    private readonly LatencyHistogram[] _stages;
    private readonly ConcurrentDictionary<string, SinkCounters> _sinks = new(StringComparer.Ordinal);
    private long _startTicks;
    private long _endTicks;
    private long _inferenceBusyTicks;
    private long _batches;
    private long _batchedFrames;

    public PipelineStats(IReadOnlyList<PipelineSource> sources)
    {
        Sources = [.. sources.Select(s => new SourceCounters(s))];
        _stages = [.. Enum.GetValues<PipelineStage>().Skip(1).Select(s => new LatencyHistogram(s.ToString().ToLowerInvariant()))];
        CaptureToResult = new LatencyHistogram("capture-to-result");
        EngineRun = new LatencyHistogram("engine run");
    }

    public IReadOnlyList<SourceCounters> Sources { get; }

    /// <summary>Time from a frame's capture to its decoded poses (before any sink).</summary>
    public LatencyHistogram CaptureToResult { get; }

    /// <summary>How long one engine run (a whole batch) took, without waiting for the engine.</summary>
    public LatencyHistogram EngineRun { get; }

    /// <summary>The sinks seen so far, by name.</summary>
    public IReadOnlyCollection<SinkCounters> Sinks => [.. _sinks.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Wall time since the pipeline started (until it stopped).</summary>
    public TimeSpan Elapsed
    {
        get
        {
            long start = Interlocked.Read(ref _startTicks), end = Interlocked.Read(ref _endTicks);
            return start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, end == 0 ? Stopwatch.GetTimestamp() : end);
        }
    }

    /// <summary>Time the engine spent running batches.</summary>
    public TimeSpan InferenceBusy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _inferenceBusyTicks));

    /// <summary>Share of the wall time the engine was running a batch (0..1).</summary>
    public double InferenceUtilisation => Elapsed > TimeSpan.Zero ? Math.Min(1, InferenceBusy / Elapsed) : 0;

    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Mean frames per batch.</summary>
    public double MeanBatch => Batches == 0 ? 0 : (double)Interlocked.Read(ref _batchedFrames) / Batches;

    public long FramesInferred => Sources.Sum(s => s.Inferred);

    public long Persons => Sources.Sum(s => s.Persons);

    public long FramesDropped => Sources.Sum(s => s.Dropped) + _sinks.Values.Sum(s => s.Dropped);

    /// <summary>The latency of <paramref name="stage"/> (Queue to Decode; Capture has none).</summary>
    public LatencyHistogram Stage(PipelineStage stage) =>
        stage == PipelineStage.Capture ? throw new ArgumentOutOfRangeException(nameof(stage), "capture is where latency starts") : _stages[(int)stage - 1];

    /// <summary>The counters of the sink called <paramref name="name"/> (made at first use).</summary>
    public SinkCounters Sink(string name) => _sinks.GetOrAdd(name, static n => new SinkCounters(n));

    internal void MarkStarted() => Interlocked.CompareExchange(ref _startTicks, Stopwatch.GetTimestamp(), 0);

    internal void MarkStopped() => Interlocked.CompareExchange(ref _endTicks, Stopwatch.GetTimestamp(), 0);

    internal void AddBatch(int frames, long busyTicks)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchedFrames, frames);
        Interlocked.Add(ref _inferenceBusyTicks, busyTicks);
        EngineRun.Record(Stopwatch.GetElapsedTime(0, busyTicks));
    }

    /// <summary>Records a decoded frame's stage times and counts its persons.</summary>
    internal void RecordResult(Frame frame, int persons)
    {
        var stamps = frame.Stamps;
        for (int s = 1; s < StageStamps.Count; s++)
        {
            _stages[s - 1].Record(stamps.Spent((PipelineStage)s));
        }

        CaptureToResult.Record(stamps.SinceCapture(stamps[PipelineStage.Decode]));
        Sources[frame.SourceId].AddInferred(persons);
    }
}
