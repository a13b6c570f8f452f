namespace EdgePose.Core.Pipeline;

/// <summary>One sink's results written, dropped (its queue full with live frames) and failed, and the time from capture to written.</summary>
public sealed class SinkCounters
{
    private long _written;
    private long _dropped;
    private long _failed;

    public SinkCounters(string name)
    {
        Name = name;
        CaptureToWritten = new LatencyHistogram(name);
    }

    public string Name { get; }

    public long Written => Interlocked.Read(ref _written);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Time from a frame's capture to the sink having written its result (capture to event).</summary>
    public LatencyHistogram CaptureToWritten { get; }

    internal void AddWritten() => Interlocked.Increment(ref _written);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddFailed() => Interlocked.Increment(ref _failed);
}
