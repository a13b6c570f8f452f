using EdgePose.Core.Engines;
using EdgePose.Core.Errors;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Settings of an <see cref="OnnxRuntimeEngine"/>. Every value is checked when it is set, so an invalid
/// option fails where it is written, with a message naming it.
/// </summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>Threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads
    {
        get;
        init => field = value >= 0
            ? value
            : throw new InputException($"intra-op threads must be 0 (ONNX Runtime's default) or more, got {value}");
    } = 0;

    /// <summary>
    /// Threads that run independent operators side by side. 0 or 1 keeps ONNX Runtime's sequential executor
    /// (right for single-branch CNNs such as YOLO); 2 or more switches the session to the parallel executor
    /// with that many threads.
    /// </summary>
    public int InterOpThreads
    {
        get;
        init => field = value >= 0
            ? value
            : throw new InputException($"inter-op threads must be 0 or more, got {value}");
    } = 0;

    /// <summary>Graph rewriting at load time; keep <see cref="GraphOptimizationLevel.All"/> (or Extended) for reference parity.</summary>
    public GraphOptimizationLevel Optimization
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new InputException($"graph optimisation level {(int)value} is not one of Disabled, Basic, Extended, All");
    } = GraphOptimizationLevel.All;

    /// <summary>
    /// Concrete shape of the model's input where the model leaves dimensions dynamic (e.g. [1,3,640,640] for
    /// an export with dynamic batch and size). Must agree with every fixed dimension of the model. Null uses
    /// the model's own shape, which must then be fully fixed.
    /// </summary>
    public TensorShape? InputShape
    {
        get;
        init => field = value is not { } shape || (shape.Rank > 0 && Array.TrueForAll(shape.Dims, d => d > 0))
            ? value
            : throw new InputException($"input shape {value} must have at least one dimension, each above 0");
    }

    /// <summary>
    /// Largest batch for a model whose batch dimension is dynamic (where <see cref="InputShape"/> does not give it);
    /// runs then take 1 to this many images. Ignored for a model with a fixed batch.
    /// </summary>
    public int MaxBatch
    {
        get;
        init => field = value >= 1
            ? value
            : throw new InputException($"batch {value} must be at least 1");
    } = 1;

    /// <summary>Where ONNX Runtime runs the model; a provider missing from the ONNX Runtime build is refused when the engine opens.</summary>
    public ExecutionProvider Provider
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new InputException($"execution provider {(int)value} is not one of {string.Join(", ", ExecutionProviders.Names)}");
    } = ExecutionProvider.Cpu;

    /// <summary>The GPU the CUDA and TensorRT providers use.</summary>
    public int DeviceId
    {
        get;
        init => field = value >= 0 ? value : throw new InputException($"device id must be 0 or more, got {value}");
    }

    /// <summary>Whether the session uses ONNX Runtime's parallel executor (see <see cref="InterOpThreads"/>).</summary>
    internal bool ParallelExecution => InterOpThreads > 1;
}
