namespace EdgePose.Host.Preview;

/// <summary>
/// Caps how often a source's frames are encoded: at most one per interval, on a steady grid, so a 25 fps
/// camera under a 10 fps cap gives 10 JPEGs a second rather than every third frame (8.3). After a pause
/// longer than an interval the grid restarts at the next frame. Used by one thread.
/// </summary>
internal sealed class FramePacer
{
    private readonly long _interval;
    private long _due;

    /// <param name="interval">Shortest time between two taken frames.</param>
    public FramePacer(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = (long)(interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
    }

    /// <summary>True when a frame arriving at <paramref name="now"/> (Stopwatch ticks) is due; it then counts as taken.</summary>
    public bool TryTake(long now)
    {
        if (_due != 0 && now < _due)
        {
            return false;
        }

        _due = _due == 0 || now - _due >= _interval ? now + _interval : _due + _interval;
        return true;
    }
}
