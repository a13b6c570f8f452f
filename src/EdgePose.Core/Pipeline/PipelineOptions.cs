using EdgePose.Core.Decoding;

namespace EdgePose.Core.Pipeline;

/// <summary>Settings of a <see cref="PosePipeline"/>, validated by the host before it starts.</summary>
public sealed record PipelineOptions
{
    /// <summary>How long opening a source may take, up to its first frame.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a source may give no frame before it counts as stalled and is reconnected.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public ReconnectOptions Reconnect { get; init; } = new();

    /// <summary>The most frames one engine run takes (the engine's maximum batch caps it).</summary>
    public int MaxBatch { get; init; } = 1;

    /// <summary>
    /// How long the batcher waits for more frames once it has one and the batch is not full (like nvstreammux's
    /// batched-push-timeout); zero sends whatever is there.
    /// </summary>
    public TimeSpan BatchTimeout { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// For a batch of one live frame: when the source's next frame is due within this time, wait for it and take it
    /// instead (the older one is dropped). The engine idles at most this long, and the frame it runs is fresh, so
    /// capture-to-result latency loses most of the half frame interval a frame otherwise waits. Zero disables it.
    /// </summary>
    public TimeSpan FreshFrameWait { get; init; } = TimeSpan.FromMilliseconds(16);

    /// <summary>Frames a live source's queue holds: 1 keeps only the newest.</summary>
    public int LiveQueueCapacity { get; init; } = 1;

    /// <summary>Frames a file source may read ahead (it waits when full; nothing is dropped).</summary>
    public int FileQueueCapacity { get; init; } = 4;

    /// <summary>Results each sink's queue holds.</summary>
    public int SinkQueueCapacity { get; init; } = 8;

    /// <summary>Batches in flight: one being filled, one in the engine, one being decoded.</summary>
    public int BatchesInFlight { get; init; } = 3;

    /// <summary>Stop each source after this many frames (null: no limit).</summary>
    public long? MaxFramesPerSource { get; init; }

    public DecodeOptions Decode { get; init; } = new();

    /// <summary>ByteTrack settings: one tracker per source gives persons ids stable across frames; null tracks nothing.</summary>
    public Tracking.TrackerOptions? Tracker { get; init; }

    /// <summary>The longest one engine run may take before the pipeline fails.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
