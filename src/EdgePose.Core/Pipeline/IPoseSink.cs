namespace EdgePose.Core.Pipeline;

/// <summary>
/// Where results go: a JSON Lines file, an annotated video, the preview page, MQTT. The pipeline gives each sink
/// its own bounded queue and task, and calls <see cref="WriteAsync"/> for one result at a time, in order per
/// source; the result is valid only during the call (copy what is kept). A slow sink never blocks inference:
/// with live sources its queue drops the oldest results, counted.
/// </summary>
public interface IPoseSink : IAsyncDisposable
{
    /// <summary>The sink's name in logs and counters, e.g. "jsonl" or "preview".</summary>
    string Name { get; }

    /// <summary>True when the sink reads the frame's pixels (drawing, preview); the pipeline then keeps frames until it is done.</summary>
    bool NeedsPixels { get; }

    /// <summary>Writes one result. An exception is logged and counted; the sink keeps receiving results.</summary>
    ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken);

    /// <summary>Called once after the last result (graceful shutdown): flush and close the output.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
