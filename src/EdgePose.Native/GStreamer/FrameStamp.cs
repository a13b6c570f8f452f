namespace EdgePose.Native.GStreamer;

/// <summary>
/// When a frame was read: its sequence number in the source (from 0), the <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp at which it was pulled, and the stream's presentation time in nanoseconds (-1 when it has none).
/// </summary>
public readonly record struct FrameStamp(long Sequence, long CaptureTimestamp, long PtsNanoseconds);
