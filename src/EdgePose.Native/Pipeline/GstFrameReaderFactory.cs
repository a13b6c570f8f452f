using EdgePose.Core.Pipeline;
using EdgePose.Native.GStreamer;

namespace EdgePose.Native.Pipeline;

/// <summary>Opens pipeline sources through GStreamer, with this machine's hardware elements (nvv4l2decoder on Jetson).</summary>
public sealed class GstFrameReaderFactory : IFrameReaderFactory
{
    /// <summary>Receives GStreamer's warnings (naming the source); null drops them.</summary>
    public Action<string>? Warn { get; init; }

    public IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout)
    {
        ArgumentNullException.ThrowIfNull(source);
        var pipeline = GstSourceOpener.Pipeline(source.Uri, source.Pipeline);
        var options = new GstFrameSourceOptions { OpenTimeout = openTimeout, ReadTimeout = readTimeout, Warn = Warn };
        return new GstFrameReader(GstFrameSource.Open(pipeline, source.Id, options));
    }
}
