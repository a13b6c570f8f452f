namespace EdgePose.Host.Run.Settings;

/// <summary>Timeouts, reconnects, batching and queue sizes (section "Pipeline").</summary>
public sealed class PipelineSettings
{
    /// <summary>Seconds opening a source may take, up to its first frame.</summary>
    public double OpenTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds without a frame before a source counts as stalled and is reconnected.</summary>
    public double ReadTimeoutSeconds { get; set; } = 5;

    /// <summary>First reconnect delay, doubled per failed attempt, with jitter.</summary>
    public double ReconnectInitialSeconds { get; set; } = 0.25;

    /// <summary>Longest reconnect delay.</summary>
    public double ReconnectMaxSeconds { get; set; } = 1;

    /// <summary>Milliseconds the batcher waits for more frames once it has one (nvstreammux's batched-push-timeout).</summary>
    public double BatchTimeoutMs { get; set; } = 10;

    /// <summary>Milliseconds the engine may wait for a live source's next frame when it is about to arrive (fresher frames, lower latency); 0 disables.</summary>
    public double FreshFrameWaitMs { get; set; } = 16;

    /// <summary>Results each output's queue holds before live results are dropped.</summary>
    public int OutputQueue { get; set; } = 8;

    /// <summary>Stop each source after this many frames (null: no limit).</summary>
    public long? MaxFrames { get; set; }
}
