using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer;

namespace EdgePose.Native.Pipeline;

/// <summary>A pipeline source read through GStreamer: <see cref="GstFrameSource"/> behind Core's <see cref="IFrameReader"/>.</summary>
public sealed class GstFrameReader : IFrameReader
{
    private readonly GstFrameSource _source;

    public GstFrameReader(GstFrameSource source)
    {
        _source = source;
    }

    public FrameShape Shape => ShapeOf(_source.Format);

    public FrameRead Read(Frame frame, CancellationToken cancellationToken)
    {
        var status = _source.Read(frame.Pixels, frame.Stride, out var stamp, cancellationToken);
        return status switch
        {
            FrameReadStatus.Frame => new FrameRead(FrameReadOutcome.Frame, stamp.PtsNanoseconds >= 0 ? TimeSpan.FromTicks(stamp.PtsNanoseconds / 100) : null),
            FrameReadStatus.EndOfStream => FrameRead.EndOfStream,
            FrameReadStatus.FormatChanged => FrameRead.FormatChanged,
            _ => FrameRead.Stalled,
        };
    }

    public void Dispose() => _source.Dispose();

    private static FrameShape ShapeOf(VideoFrameFormat f) =>
        new(f.Width, f.Height, f.PixelFormat == FramePixelFormat.Nv12 ? PixelFormat.Nv12 : PixelFormat.Bgr24);
}
