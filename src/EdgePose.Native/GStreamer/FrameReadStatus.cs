namespace EdgePose.Native.GStreamer;

/// <summary>What a <see cref="GstFrameSource.Read(Span{byte}, int, out FrameStamp)"/> produced.</summary>
public enum FrameReadStatus
{
    /// <summary>A frame was written to the destination.</summary>
    Frame,

    /// <summary>The source ended (end of a file, or a test pattern's last frame).</summary>
    EndOfStream,

    /// <summary>No frame within the read timeout: the source is stalled.</summary>
    TimedOut,

    /// <summary>
    /// The frame size or format changed: nothing was written; <see cref="GstFrameSource.Format"/> now gives
    /// the new one, and the next read hands over the frame held back.
    /// </summary>
    FormatChanged,
}
