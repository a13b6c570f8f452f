using EdgePose.Core.Sources;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Opens a <see cref="SourceUri"/> as a <see cref="GstFrameSource"/>: asks the registry which JetPack
/// hardware elements exist, builds the pipeline for them and opens it.
/// </summary>
public static class GstSourceOpener
{
    private static IReadOnlySet<string>? s_hardware;

    /// <summary>The pipeline <paramref name="source"/> would run here (with this machine's hardware elements).</summary>
    public static SourcePipeline Pipeline(SourceUri source, SourcePipelineOptions? options = null)
    {
        GStreamerRuntime.EnsureInitialized();
        s_hardware ??= GstElementRegistry.HardwareElements();
        var o = options ?? new SourcePipelineOptions();
        return SourcePipelineBuilder.Build(source, o.Elements.Count == 0 ? o with { Elements = s_hardware } : o);
    }

    public static GstFrameSource Open(SourceUri source, GstFrameSourceOptions options, SourcePipelineOptions? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return GstFrameSource.Open(Pipeline(source, pipeline), source.Display, options);
    }
}
