using EdgePose.Core.Models;

namespace EdgePose.Core.Engines;

/// <summary>
/// One loaded model that runs forward passes on host buffers it owns and reuses.
/// Implemented by the ONNX Runtime engine (CPU, everywhere) and the TensorRT engine (Jetson).
/// </summary>
/// <remarks>
/// The caller writes the input through <see cref="GetInput"/>, calls <see cref="Run"/>, then reads
/// <see cref="GetOutput"/>. Buffers are allocated once; no call allocates per frame after the first run.
/// An engine is not thread-safe: one pipeline stage owns it.
/// </remarks>
public interface IInferenceEngine : IDisposable
{
    /// <summary>Runtime and settings in words, e.g. "ONNX Runtime 1.20.1 CPU, 2 threads, optimisation all".</summary>
    string Description { get; }

    /// <summary>Ultralytics metadata of the loaded model (task, kpt_shape, names, stride, imgsz, end2end).</summary>
    ModelMetadata Metadata { get; }

    IReadOnlyList<TensorInfo> Inputs { get; }

    IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>The host buffer of input <paramref name="index"/>, sized for its (fixed) shape.</summary>
    Span<float> GetInput(int index = 0);

    /// <summary>Runs the model on the current input buffers.</summary>
    void Run();

    /// <summary>Output <paramref name="index"/> of the last <see cref="Run"/> and its concrete shape.</summary>
    ReadOnlySpan<float> GetOutput(int index, out TensorShape shape);
}
