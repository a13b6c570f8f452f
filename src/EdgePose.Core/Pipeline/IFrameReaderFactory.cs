namespace EdgePose.Core.Pipeline;

/// <summary>Opens sources: GStreamer at the edge, scripted readers in tests of the stages.</summary>
public interface IFrameReaderFactory
{
    /// <summary>
    /// Opens <paramref name="source"/> and waits for its first frame, at most <paramref name="openTimeout"/>.
    /// Throws an exception whose message names the source when it cannot (unreachable, not found, no frame).
    /// </summary>
    IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout);
}
