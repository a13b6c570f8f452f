using EdgePose.Core.Models;

namespace EdgePose.Core.Engines;

/// <summary>
/// One loaded model that runs batches of images for a pipeline. Implemented by the ONNX Runtime engine (CPU
/// everywhere; CUDA or TensorRT providers where the ONNX Runtime build has them) and the TensorRT engine (Jetson).
/// </summary>
/// <remarks>
/// <para>
/// The caller owns the buffers: <see cref="CreateBufferSet"/> makes a set of input and output tensors for up to
/// <see cref="MaxBatch"/> images, allocated once. With two or more sets, batch n+1 is written into one set while
/// batch n runs in another. <see cref="Enqueue"/> starts a run of the first <c>batch</c> slots of a set and
/// returns its completion: already complete where the runtime runs on the calling thread (ONNX Runtime on the
/// CPU), signalled by a CUDA event where it runs on a GPU stream (TensorRT). Outputs are read after completion.
/// </para>
/// <para>
/// Neither <see cref="Enqueue"/> nor reading a set allocates managed memory. An engine is driven by one thread
/// (one pipeline stage); a buffer set is written by one writer at a time.
/// </para>
/// </remarks>
public interface IInferenceEngine : IDisposable
{
    /// <summary>Runtime and settings in words, e.g. "ONNX Runtime 1.31.1 CPU, 2 intra-op threads, optimisation All".</summary>
    string Description { get; }

    /// <summary>Ultralytics metadata of the loaded model (task, kpt_shape, names, stride, imgsz, end2end).</summary>
    ModelMetadata Metadata { get; }

    /// <summary>The inputs at the shape a full batch runs with (batch dimension = <see cref="MaxBatch"/>).</summary>
    IReadOnlyList<TensorInfo> Inputs { get; }

    /// <summary>The outputs of a full batch; a dimension the engine cannot know before a run is -1.</summary>
    IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>The most images one run takes.</summary>
    int MaxBatch { get; }

    /// <summary>
    /// True when a run of fewer than <see cref="MaxBatch"/> images computes only those (dynamic batch dimension);
    /// false for a fixed batch, where a partial batch still costs a full run and the unused slots are ignored.
    /// </summary>
    bool HasDynamicBatch { get; }

    /// <summary>Where this engine can put buffer sets' tensors; <see cref="MemoryLocation.Host"/> is always possible.</summary>
    IReadOnlyList<MemoryLocation> SupportedLocations { get; }

    /// <summary>A new set of input and output buffers for up to <see cref="MaxBatch"/> images; the caller disposes it.</summary>
    /// <param name="input">Where the input lives: host memory the CPU writes, or device memory a GPU preprocess writes.</param>
    /// <param name="output">Where the outputs land.</param>
    EngineBufferSet CreateBufferSet(MemoryLocation input = MemoryLocation.Host, MemoryLocation output = MemoryLocation.Host);

    /// <summary>
    /// Starts inference on slots 0..<paramref name="batch"/>-1 of <paramref name="buffers"/> (a set this engine made).
    /// The set must not be written until the returned completion is complete.
    /// </summary>
    IInferenceCompletion Enqueue(EngineBufferSet buffers, int batch);
}
