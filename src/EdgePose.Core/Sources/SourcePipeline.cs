namespace EdgePose.Core.Sources;

/// <summary>
/// A gst-launch pipeline description ending in "appsink name=sink", and whether the source is live (only
/// the newest frame is kept) or a file (every frame, in order). <see cref="Display"/> hides credentials.
/// </summary>
public sealed record SourcePipeline(string Launch, bool IsLive)
{
    /// <summary>The name of the appsink every pipeline ends in.</summary>
    public const string SinkName = "sink";

    public string Display => CredentialMask.Mask(Launch);
}
