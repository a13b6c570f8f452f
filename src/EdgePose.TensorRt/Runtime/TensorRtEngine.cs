using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;
using EdgePose.Native.Cuda;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// A TensorRT engine behind <see cref="IInferenceEngine"/>: float32 host buffers in page-locked memory,
/// one device buffer per tensor, one stream. <see cref="Run"/> copies the inputs up, enqueues, copies
/// the outputs down and waits; it allocates nothing. Inputs with a dynamic batch run at the profile's
/// optimal shape (the batch the engine was built for).
/// </summary>
public sealed class TensorRtEngine : IInferenceEngine
{
    private readonly TrtDeserializedEngine _engine;
    private readonly CudaPrimaryContext _context;
    private readonly CudaStream _stream;
    private readonly TrtExecutionContext _execution;
    private readonly Binding[] _inputs;
    private readonly Binding[] _outputs;
    private bool _disposed;

    private TensorRtEngine(TrtDeserializedEngine engine, ModelMetadata metadata, string description, CudaPrimaryContext context, CudaStream stream, TrtExecutionContext execution, Binding[] inputs, Binding[] outputs)
    {
        _engine = engine;
        Metadata = metadata;
        Description = description;
        _context = context;
        _stream = stream;
        _execution = execution;
        _inputs = inputs;
        _outputs = outputs;
        Inputs = inputs.Select(b => new TensorInfo(b.Tensor.Name, TensorElementType.Float32, b.Shape)).ToArray();
        Outputs = outputs.Select(b => new TensorInfo(b.Tensor.Name, TensorElementType.Float32, b.Shape)).ToArray();
    }

    public string Description { get; }

    public ModelMetadata Metadata { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

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

        var gpu = CudaDevice.Get(device);
        var context = gpu.RetainPrimaryContext();
        var owned = new List<IDisposable> { context };
        try
        {
            context.MakeCurrent();
            var stream = context.CreateStream();
            owned.Add(stream);
            var execution = engine.CreateContext();
            owned.Add(execution);
            foreach (var t in engine.Inputs)
            {
                var shape = t.Shape.IsFixed ? t.Shape : engine.ProfileShape(t.Index, 0, ProfileSelector.Opt);
                execution.SetInputShape(t.Index, shape.Dims);
            }

            var inputs = engine.Inputs.Select(t => Bind(t, execution, context, owned, source)).ToArray();
            var outputs = engine.Outputs.Select(t => Bind(t, execution, context, owned, source)).ToArray();
            var description = $"TensorRT {TensorRtLibrary.Version} on {gpu}, {Path.GetFileName(source)}";
            return new TensorRtEngine(engine, metadata, description, context, stream, execution, inputs, outputs);
        }
        catch
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                owned[i].Dispose();
            }

            throw;
        }
    }

    public Span<float> GetInput(int index = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _inputs[index].Host.AsSpan<float>()[.._inputs[index].Elements];
    }

    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _context.MakeCurrent();
        foreach (var b in _inputs)
        {
            b.Device.CopyFromHostAsync(b.Host, b.Bytes, _stream);
        }

        _execution.Enqueue(_stream);
        foreach (var b in _outputs)
        {
            b.Device.CopyToHostAsync(b.Host, b.Bytes, _stream);
        }

        _stream.Synchronize();
    }

    public ReadOnlySpan<float> GetOutput(int index, out TensorShape shape)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var b = _outputs[index];
        shape = b.Shape;
        return b.Host.AsSpan<float>()[..b.Elements];
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _execution.Dispose();
        foreach (var b in _inputs.Concat(_outputs))
        {
            b.Device.Dispose();
            b.Host.Dispose();
        }

        _stream.Dispose();
        _engine.Dispose();
        _context.Dispose();
    }

    private static Binding Bind(TrtIoTensor tensor, TrtExecutionContext execution, CudaPrimaryContext context, List<IDisposable> owned, string source)
    {
        var shape = execution.GetShape(tensor.Index);
        if (!shape.IsFixed)
        {
            throw new InputException($"{source}: {(tensor.IsInput ? "input" : "output")} '{tensor.Name}' has the data-dependent shape {shape}, which TensorRtEngine does not support");
        }

        var elements = checked((int)shape.ElementCount);
        var bytes = (ulong)elements * sizeof(float);
        var host = context.AllocatePinned(bytes);
        owned.Add(host);
        var device = context.AllocateDevice(bytes);
        owned.Add(device);
        execution.SetTensorAddress(tensor.Index, device);
        return new Binding(tensor, shape, elements, bytes, host, device);
    }

    private sealed record Binding(TrtIoTensor Tensor, TensorShape Shape, int Elements, ulong Bytes, CudaPinnedBuffer Host, CudaDeviceBuffer Device);
}
