using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;
using EdgePose.Native.Cuda;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// A TensorRT engine behind <see cref="IInferenceEngine"/>. Each buffer set has its own execution context, CUDA
/// stream and event, device tensors for a full batch and, where the caller wants host memory, page-locked host
/// tensors. <see cref="Enqueue"/> queues the copy up (host input), inference and the copy down (host outputs) on
/// the set's stream and returns at once; the set's completion is signalled when the stream gets there. A dynamic
/// batch dimension runs 1..<see cref="MaxBatch"/> images (the profile's range); a fixed one always runs full.
/// </summary>
public sealed class TensorRtEngine : IInferenceEngine
{
    private readonly TrtDeserializedEngine _engine;
    private readonly CudaPrimaryContext _context;
    private readonly TrtIoTensor _input;
    private readonly TrtIoTensor[] _outputs;
    private bool _disposed;

    private TensorRtEngine(TrtDeserializedEngine engine, ModelMetadata metadata, string description, CudaPrimaryContext context, int maxBatch, bool dynamicBatch, TensorInfo input, TensorInfo[] outputs)
    {
        _engine = engine;
        Metadata = metadata;
        Description = description;
        _context = context;
        MaxBatch = maxBatch;
        HasDynamicBatch = dynamicBatch;
        _input = engine.Inputs.Single();
        _outputs = [.. engine.Outputs];
        Inputs = [input];
        Outputs = outputs;
    }

    public string Description { get; }

    public ModelMetadata Metadata { get; }

    /// <summary>The input at full batch.</summary>
    public IReadOnlyList<TensorInfo> Inputs { get; }

    /// <summary>The outputs at full batch.</summary>
    public IReadOnlyList<TensorInfo> Outputs { get; }

    public int MaxBatch { get; }

    public bool HasDynamicBatch { get; }

    public IReadOnlyList<MemoryLocation> SupportedLocations { get; } = [MemoryLocation.Host, MemoryLocation.Device];

    internal TrtDeserializedEngine Engine => _engine;

    internal CudaPrimaryContext Context => _context;

    internal TrtIoTensor InputTensor => _input;

    internal IReadOnlyList<TrtIoTensor> OutputTensors => _outputs;

    /// <summary>
    /// Takes ownership of <paramref name="engine"/> and readies it on CUDA device <paramref name="device"/>.
    /// <paramref name="source"/> names the engine file in error messages.
    /// </summary>
    public static TensorRtEngine Create(TrtDeserializedEngine engine, ModelMetadata metadata, string source, int device = 0)
    {
        foreach (var t in engine.Tensors)
        {
            if (t.ElementType != TensorElementType.Float32 || !t.IsLinear)
            {
                throw new InputException($"{source}: tensor '{t.Name}' is {t.ElementType} in format '{t.FormatDescription}'; TensorRtEngine needs float32 linear I/O (build without I/O format options)");
            }
        }

        var inputs = engine.Inputs.ToArray();
        if (inputs.Length != 1 || inputs[0].Shape.Rank != 4)
        {
            throw new InputException($"{source}: {inputs.Length} inputs; TensorRtEngine needs one [B,3,H,W] image input");
        }

        var gpu = CudaDevice.Get(device);
        var context = gpu.RetainPrimaryContext();
        try
        {
            context.MakeCurrent();
            var input = inputs[0];
            var dynamicBatch = input.Shape[0] < 0;
            var full = input.Shape.IsFixed ? input.Shape : engine.ProfileShape(input.Index, 0, ProfileSelector.Max);
            if (!full.IsFixed || (!dynamicBatch && !input.Shape.IsFixed))
            {
                throw new InputException($"{source}: input '{input.Name}' {input.Shape} is dynamic beyond its batch; build the engine for a fixed image size");
            }

            // One context to learn the output shapes at full batch; each buffer set makes its own to run.
            using var probe = engine.CreateContext();
            probe.SetInputShape(input.Index, full.Dims);
            var outputs = engine.Outputs.Select(t => new TensorInfo(t.Name, TensorElementType.Float32, RequireFixed(probe.GetShape(t.Index), t, source))).ToArray();
            var description = $"TensorRT {TensorRtLibrary.Version} on {gpu}, {Path.GetFileName(source)}";
            return new TensorRtEngine(engine, metadata, description, context, checked((int)full[0]), dynamicBatch, new TensorInfo(input.Name, TensorElementType.Float32, full), outputs);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public EngineBufferSet CreateBufferSet(MemoryLocation input = MemoryLocation.Host, MemoryLocation output = MemoryLocation.Host)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new TrtBufferSet(this, input, output);
    }

    /// <inheritdoc/>
    public IInferenceCompletion Enqueue(EngineBufferSet buffers, int batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffers is not TrtBufferSet set || !ReferenceEquals(set.Engine, this))
        {
            throw new ArgumentException("the buffer set was made by another engine", nameof(buffers));
        }

        return set.Enqueue(batch);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _engine.Dispose();
        _context.Dispose();
    }

    private static TensorShape RequireFixed(TensorShape shape, TrtIoTensor tensor, string source) =>
        shape.IsFixed
            ? shape
            : throw new InputException($"{source}: output '{tensor.Name}' has the data-dependent shape {shape}, which TensorRtEngine does not support");
}
