using EdgePose.Core.Sources;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// One input of a pipeline: its id (unique, in events and logs), where it reads from, and how its frames are
/// treated. Live sources hand over only their newest frame and reconnect when lost; file sources hand over
/// every frame, once, optionally at the file's own rate.
/// </summary>
/// <param name="Index">Position in the pipeline's source list (the frame's <see cref="Frames.Frame.SourceId"/>).</param>
/// <param name="Id">The name users gave it, e.g. "door" (defaults to "source0", "source1", ...).</param>
/// <param name="Uri">What to read.</param>
/// <param name="Pipeline">How to build its GStreamer pipeline (pixel format, RTSP transport).</param>
public sealed record PipelineSource(int Index, string Id, SourceUri Uri, SourcePipelineOptions Pipeline)
{
    /// <summary>True for cameras and streams: newest frame only, drops counted, reconnect when lost.</summary>
    public bool IsLive => Uri.IsLive;

    /// <summary>For a file source: hand frames over at the file's frame rate instead of as fast as they are read.</summary>
    public bool Realtime { get; init; }

    /// <summary>
    /// The frames carry their capture time in their pixels (<see cref="PixelClock"/>, the RTSP test server's /clock):
    /// the frame's capture time and capture stamp are set from it, so every latency counts from the moment the
    /// frame was made, network and decoding included. For latency measurements.
    /// </summary>
    public bool PixelClock { get; init; }

    /// <summary>The source in messages: its id and its URI with credentials hidden.</summary>
    public string Display => Id == Uri.Display ? Id : $"{Id} ({Uri.Display})";
}
