namespace EdgePose.Core.Pipeline;

/// <summary>
/// The stages a frame passes, in order. A frame's <see cref="StageStamps"/> hold when it left each one, so the
/// time spent in a stage is its stamp minus the previous stage's.
/// </summary>
public enum PipelineStage
{
    /// <summary>The frame was copied out of the source (decoded, converted, in a pooled buffer).</summary>
    Capture,

    /// <summary>The batcher took the frame from its source's queue (time waiting for the engine to be free).</summary>
    Queue,

    /// <summary>The frame was letterboxed into the engine's input.</summary>
    Preprocess,

    /// <summary>The engine finished the batch holding the frame.</summary>
    Inference,

    /// <summary>Boxes and keypoints were decoded, suppressed and mapped back to the frame.</summary>
    Decode,
}
