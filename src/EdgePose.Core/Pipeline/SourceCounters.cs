namespace EdgePose.Core.Pipeline;

/// <summary>
/// What one source did so far: frames captured, dropped (pushed out of its queue by newer ones), inferred,
/// persons found, reconnects, stalls, size changes, and its state. Written by the pipeline's stages, read by
/// the status line, the summary and the preview page; every field is safe to read from any thread.
/// </summary>
public sealed class SourceCounters
{
    private long _captured;
    private long _dropped;
    private long _inferred;
    private long _persons;
    private long _reconnects;
    private long _stalls;
    private long _formatChanges;
    private int _state;
    private long _lastArrival;
    private long _interval;
    private string? _lastError;

    public SourceCounters(PipelineSource source)
    {
        Source = source;
    }

    public PipelineSource Source { get; }

    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Frames pushed out of the source's queue by newer ones, or not captured because every buffer was in use.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Inferred => Interlocked.Read(ref _inferred);

    public long Persons => Interlocked.Read(ref _persons);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Stalls => Interlocked.Read(ref _stalls);

    public long FormatChanges => Interlocked.Read(ref _formatChanges);

    public SourceState State => (SourceState)Volatile.Read(ref _state);

    /// <summary>The last error the source reported (credentials hidden), or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal void AddCaptured() => Interlocked.Increment(ref _captured);

    /// <summary>Stopwatch ticks when the next frame is expected (last arrival + smoothed interval); 0 when unknown.</summary>
    public long NextArrivalDue
    {
        get
        {
            long last = Interlocked.Read(ref _lastArrival), interval = Interlocked.Read(ref _interval);
            return last == 0 || interval == 0 ? 0 : last + interval;
        }
    }

    /// <summary>Notes a frame's arrival (Stopwatch ticks) and smooths the interval between arrivals (1/8 per frame).</summary>
    internal void NoteArrival(long ticks)
    {
        long last = Interlocked.Exchange(ref _lastArrival, ticks);
        if (last == 0 || ticks <= last)
        {
            return;
        }

        long gap = ticks - last, interval = Interlocked.Read(ref _interval);
        Interlocked.Exchange(ref _interval, interval == 0 ? gap : interval + ((gap - interval) / 8));
    }

    /// <summary>Forgets the arrival rhythm (a new connection).</summary>
    internal void ResetArrivals()
    {
        Interlocked.Exchange(ref _lastArrival, 0);
        Interlocked.Exchange(ref _interval, 0);
    }

    internal void AddDropped(long n = 1) => Interlocked.Add(ref _dropped, n);

    internal void AddInferred(int persons)
    {
        Interlocked.Increment(ref _inferred);
        Interlocked.Add(ref _persons, persons);
    }

    internal void AddReconnect() => Interlocked.Increment(ref _reconnects);

    internal void AddStall() => Interlocked.Increment(ref _stalls);

    internal void AddFormatChange() => Interlocked.Increment(ref _formatChanges);

    internal void SetState(SourceState state) => Volatile.Write(ref _state, (int)state);

    internal void SetError(string? error) => Volatile.Write(ref _lastError, error);
}
