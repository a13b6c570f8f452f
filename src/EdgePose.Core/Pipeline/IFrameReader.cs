using EdgePose.Core.Frames;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// One open connection to a source (a GStreamer pipeline at the edge), read by one thread. Opening waits for the
/// first frame; a read waits at most the reader's read timeout and then reports <see cref="FrameReadOutcome.Stalled"/>.
/// A failure of the source (a stream that dies, a file that does not decode) is an exception naming the source.
/// </summary>
public interface IFrameReader : IDisposable
{
    /// <summary>Width, height and pixel format of the next frame (changes only after <see cref="FrameReadOutcome.FormatChanged"/>).</summary>
    FrameShape Shape { get; }

    /// <summary>
    /// Reads the next frame into <paramref name="frame"/>'s host buffer, which the caller has described with
    /// <see cref="Shape"/> (<see cref="Frame.SetHost"/>). Returns early with <see cref="FrameReadOutcome.Stalled"/>
    /// when <paramref name="cancellationToken"/> is cancelled. Allocates nothing.
    /// </summary>
    FrameRead Read(Frame frame, CancellationToken cancellationToken);
}
