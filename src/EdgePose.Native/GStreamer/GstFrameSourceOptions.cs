namespace EdgePose.Native.GStreamer;

/// <summary>Timeouts and the warning sink of a <see cref="GstFrameSource"/>.</summary>
public sealed record GstFrameSourceOptions
{
    /// <summary>How long opening may take, up to and including the first frame.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a read waits for a frame before it reports the source stalled.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives GStreamer's warnings (already naming the source, credentials hidden); null drops them.</summary>
    public Action<string>? Warn { get; init; }
}
