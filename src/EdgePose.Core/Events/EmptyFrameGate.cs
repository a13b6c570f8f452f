namespace EdgePose.Core.Events;

/// <summary>
/// Applies an <see cref="EmptyFramePolicy"/> frame by frame: remembers, per source, the capture time of the last
/// event sent, and says whether a frame's event goes out. Time is the frames' capture time, so the decision does
/// not depend on how fast results arrive; a capture time that goes backwards (a reconnected source with its own
/// clock) counts as a heartbeat due. Not thread-safe: one per sink. Allocates only when a new source index appears.
/// </summary>
public sealed class EmptyFrameGate
{
    private const long Never = long.MinValue;
    private readonly EmptyFramePolicy _policy;
    private long[] _lastSentTicks = [];

    public EmptyFrameGate(EmptyFramePolicy policy) => _policy = policy;

    public EmptyFramePolicy Policy => _policy;

    /// <summary>
    /// True when the event of a frame of source <paramref name="sourceIndex"/> captured at <paramref name="captureTime"/>
    /// with <paramref name="persons"/> persons is sent; a true answer counts as sent.
    /// </summary>
    public bool ShouldSend(int sourceIndex, DateTimeOffset captureTime, int persons)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceIndex);
        if (persons > 0 || _policy.Mode == EmptyFrameMode.Always)
        {
            Sent(sourceIndex, captureTime);
            return true;
        }

        if (_policy.Mode == EmptyFrameMode.Skip)
        {
            return false;
        }

        long now = captureTime.UtcTicks;
        long last = LastSent(sourceIndex);
        if (last != Never && now >= last && now - last < _policy.Interval.Ticks)
        {
            return false;
        }

        Sent(sourceIndex, captureTime);
        return true;
    }

    private long LastSent(int sourceIndex) => sourceIndex < _lastSentTicks.Length ? _lastSentTicks[sourceIndex] : Never;

    private void Sent(int sourceIndex, DateTimeOffset captureTime)
    {
        if (sourceIndex >= _lastSentTicks.Length)
        {
            int old = _lastSentTicks.Length;
            Array.Resize(ref _lastSentTicks, Math.Max(sourceIndex + 1, old * 2));
            Array.Fill(_lastSentTicks, Never, old, _lastSentTicks.Length - old);
        }

        _lastSentTicks[sourceIndex] = captureTime.UtcTicks;
    }
}
