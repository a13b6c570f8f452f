namespace EdgePose.Host.Run.Settings;

/// <summary>One input (an entry of "Sources").</summary>
public sealed class SourceSettings
{
    /// <summary>Unique id in events, logs and the preview (default: source0, source1, ...).</summary>
    public string? Id { get; set; }

    /// <summary>rtsp://…, a video file or file://…, v4l2:///dev/videoN, a camera index, csi://N, gst://PIPELINE or test://PATTERN.</summary>
    public string? Uri { get; set; }

    /// <summary>RTSP transport: tcp or udp.</summary>
    public string Transport { get; set; } = "tcp";

    /// <summary>For a video file: hand frames over at the file's frame rate, as a camera would (default: as fast as they are read).</summary>
    public bool Realtime { get; set; }

    /// <summary>The frames carry their capture time in their pixels (the RTSP test server's /clock): latencies count from it.</summary>
    public bool PixelClock { get; set; }
}
