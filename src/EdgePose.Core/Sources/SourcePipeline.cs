namespace EdgePose.Core.Sources;

/// <summary>
/// A gst-launch pipeline description ending in "appsink name=sink", and whether the source is live (only
/// the newest frame is kept) or a file (every frame, in order). <see cref="Display"/> hides credentials.
/// </summary>
public sealed record SourcePipeline(string Launch, bool IsLive)
{
    /// <summary>The name of the appsink every pipeline ends in.</summary>
    public const string SinkName = "sink";

    /// <summary>
    /// True for a source that never ends by itself (an RTSP stream): its end of stream means it broke (rtspsrc
    /// ends the stream when the server closes the connection), so the reader reports it as a failure.
    /// </summary>
    public bool EndIsFailure { get; init; }

    public string Display => CredentialMask.Mask(Launch);
}
