using System.Diagnostics;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// When a frame left each <see cref="PipelineStage"/>, in <see cref="Stopwatch"/> ticks (0 = not yet).
/// One per frame, allocated with it and reused.
/// </summary>
public sealed class StageStamps
{
    /// <summary>Stages there are.</summary>
    public const int Count = (int)PipelineStage.Decode + 1;

    private readonly long[] _ticks = new long[Count];

    /// <summary>Stopwatch ticks when the frame left <paramref name="stage"/>; 0 when it has not.</summary>
    public long this[PipelineStage stage] => _ticks[(int)stage];

    /// <summary>Notes that the frame leaves <paramref name="stage"/> now.</summary>
    public void Mark(PipelineStage stage) => _ticks[(int)stage] = Stopwatch.GetTimestamp();

    /// <summary>Notes that the frame left <paramref name="stage"/> at <paramref name="ticks"/>.</summary>
    public void Mark(PipelineStage stage, long ticks) => _ticks[(int)stage] = ticks;

    /// <summary>Forgets every stamp (a source reusing the frame).</summary>
    public void Clear() => Array.Clear(_ticks);

    /// <summary>
    /// Time spent in <paramref name="stage"/>: its stamp minus the previous stage's (for Capture, zero).
    /// Zero where either stamp is missing.
    /// </summary>
    public TimeSpan Spent(PipelineStage stage)
    {
        if (stage == PipelineStage.Capture)
        {
            return TimeSpan.Zero;
        }

        long end = _ticks[(int)stage], start = _ticks[(int)stage - 1];
        return end == 0 || start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, end);
    }

    /// <summary>Time from capture to <paramref name="ticks"/> (e.g. now, when a sink publishes).</summary>
    public TimeSpan SinceCapture(long ticks)
    {
        long start = _ticks[(int)PipelineStage.Capture];
        return start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, ticks);
    }

    /// <summary>Copies <paramref name="other"/>'s stamps.</summary>
    public void CopyFrom(StageStamps other) => other._ticks.CopyTo(_ticks, 0);
}
