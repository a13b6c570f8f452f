namespace EdgePose.Core.Events;

/// <summary>What happens to the event of a frame in which no person was found (see <see cref="EmptyFramePolicy"/>).</summary>
public enum EmptyFrameMode
{
    /// <summary>Every frame gets an event, with <c>"persons": []</c> when empty.</summary>
    Always,

    /// <summary>Frames with no person get no event.</summary>
    Skip,

    /// <summary>
    /// A frame with no person gets an event only when its source has sent none for the heartbeat interval
    /// (by capture time): consumers still see that the source is alive.
    /// </summary>
    Heartbeat,
}
