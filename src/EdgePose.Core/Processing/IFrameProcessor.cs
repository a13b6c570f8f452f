using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Processing;

/// <summary>
/// The pipeline's pre- and post-processing around the engine: a frame into one slot of an engine buffer set
/// (letterbox, RGB, /255, CHW), and that slot's output back into detections in the frame's pixels. The CPU
/// implementation is <see cref="CpuFrameProcessor"/>; EdgePose.Native has the CUDA one (and the kernels' CPU
/// emulation). One processor serves one pipeline: <see cref="Preprocess"/> is called from one thread and
/// <see cref="Decode"/> from another, each on its own buffer sets' slots. Neither allocates per frame.
/// </summary>
public interface IFrameProcessor : IDisposable
{
    /// <summary>Where the work runs, in words ("CPU", "CUDA on Orin (compute 8.7)").</summary>
    string Description { get; }

    /// <summary>A buffer set of <paramref name="engine"/> placed where this processor works best (host memory unless the engine can take device memory).</summary>
    EngineBufferSet CreateBufferSet(IInferenceEngine engine);

    /// <summary>
    /// Letterboxes <paramref name="frame"/> into slot <paramref name="slot"/> of <paramref name="buffers"/>' input and
    /// returns the letterbox (needed to decode). The work may be queued with the rest of the batch: the slot's input
    /// is complete once <see cref="CompletePreprocess"/> has returned. Throws <see cref="ArgumentException"/> or
    /// <see cref="InvalidOperationException"/> for a frame it cannot read, with nothing queued for it (the pipeline
    /// drops it).
    /// </summary>
    Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot);

    /// <summary>
    /// Completes the letterboxes queued by <see cref="Preprocess"/> into <paramref name="buffers"/>: a GPU processor
    /// launches the batch's images together and waits for them here. The CPU processor writes each frame in
    /// <see cref="Preprocess"/>, so this does nothing there.
    /// </summary>
    void CompletePreprocess(EngineBufferSet buffers)
    {
    }

    /// <summary>
    /// Decodes slot <paramref name="slot"/> of <paramref name="buffers"/>' finished output into
    /// <paramref name="detections"/> (cleared first), best score first, in the source pixels of <paramref name="box"/>.
    /// </summary>
    void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections);
}
