namespace EdgePose.Core.Sources;

/// <summary>
/// How <see cref="SourcePipelineBuilder"/> builds a pipeline: the pixel format wanted, RTSP settings, and the
/// hardware elements this GStreamer has (the edge looks them up in the element registry; none by default).
/// </summary>
public sealed record SourcePipelineOptions
{
    public FramePixelFormat PixelFormat { get; init; } = FramePixelFormat.Bgr;

    public RtspTransport RtspTransport { get; init; } = RtspTransport.Tcp;

    /// <summary>rtspsrc's jitter buffer in milliseconds; 0 hands frames over as soon as they arrive.</summary>
    public int RtspLatencyMs { get; init; }

    /// <summary>The RTSP stream's codec, for the hardware path; Auto uses decodebin.</summary>
    public VideoCodec RtspCodec { get; init; } = VideoCodec.H264;

    /// <summary>Names of the <see cref="GstElementNames.Hardware"/> elements that exist.</summary>
    public IReadOnlySet<string> Elements { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Frames a file source may queue ahead of the reader (it waits when full; nothing is dropped).</summary>
    public int FileQueueFrames { get; init; } = 4;

    public bool Has(string element) => Elements.Contains(element);
}
