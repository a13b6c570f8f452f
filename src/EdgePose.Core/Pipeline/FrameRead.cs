namespace EdgePose.Core.Pipeline;

/// <summary>The outcome of one read and, for a frame, its presentation time in the source's clock (null when unknown).</summary>
public readonly record struct FrameRead(FrameReadOutcome Outcome, TimeSpan? PresentationTime = null)
{
    public static FrameRead EndOfStream => new(FrameReadOutcome.EndOfStream);

    public static FrameRead Stalled => new(FrameReadOutcome.Stalled);

    public static FrameRead FormatChanged => new(FrameReadOutcome.FormatChanged);
}
