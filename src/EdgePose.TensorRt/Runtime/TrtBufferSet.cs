using EdgePose.Core.Engines;
using EdgePose.Native.Cuda;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// One buffer set of a <see cref="TensorRtEngine"/>: an execution context bound to this set's device tensors (full
/// batch), a stream, a completion, and page-locked host tensors for a side the caller keeps in host memory.
/// </summary>
internal sealed class TrtBufferSet : EngineBufferSet
{
    private readonly TensorRtEngine _engine;
    private readonly TrtExecutionContext _execution;
    private readonly CudaStream _stream;
    private readonly CudaCompletion _completion;
    private readonly CudaDeviceBuffer _inputDevice;
    private readonly CudaPinnedBuffer? _inputHost;
    private readonly CudaDeviceBuffer[] _outputDevice;
    private readonly CudaPinnedBuffer?[] _outputHost;
    private readonly long[][] _inputDims; // [batch - 1]
    private readonly TensorShape[][] _outputShapes; // [batch - 1][output]
    private readonly List<IDisposable> _owned = [];
    private TensorShape[] _lastShapes;

    public TrtBufferSet(TensorRtEngine engine, MemoryLocation input, MemoryLocation output)
        : base(engine, engine.MaxBatch, engine.Inputs[0], input, output)
    {
        _engine = engine;
        var context = engine.Context;
        try
        {
            context.MakeCurrent();
            _execution = Own(engine.Engine.CreateContext());
            _stream = Own(context.CreateStream());
            _completion = Own(new CudaCompletion(context));
            _inputDevice = Own(context.AllocateDevice(Bytes(engine.Inputs[0].Shape)));
            _inputHost = input == MemoryLocation.Host ? Own(context.AllocatePinned(_inputDevice.Bytes)) : null;
            _outputDevice = [.. engine.Outputs.Select(o => Own(context.AllocateDevice(Bytes(o.Shape))))];
            _outputHost = [.. _outputDevice.Select(d => output == MemoryLocation.Host ? Own(context.AllocatePinned(d.Bytes)) : null)];
            _execution.SetTensorAddress(engine.InputTensor.Index, _inputDevice);
            for (var o = 0; o < _outputDevice.Length; o++)
            {
                _execution.SetTensorAddress(engine.OutputTensors[o].Index, _outputDevice[o]);
            }

            // Shapes per batch size, worked out once so a run allocates nothing.
            _inputDims = new long[MaxBatch][];
            _outputShapes = new TensorShape[MaxBatch][];
            for (var n = MaxBatch; n >= 1; n--)
            {
                if (!engine.HasDynamicBatch && n != MaxBatch)
                {
                    (_inputDims[n - 1], _outputShapes[n - 1]) = (_inputDims[MaxBatch - 1], _outputShapes[MaxBatch - 1]);
                    continue;
                }

                var dims = (long[])engine.Inputs[0].Shape.Dims.Clone();
                dims[0] = n;
                _inputDims[n - 1] = dims;
                _execution.SetInputShape(engine.InputTensor.Index, dims);
                _outputShapes[n - 1] = [.. engine.OutputTensors.Select(t => _execution.GetShape(t.Index))];
            }
        }
        catch
        {
            Dispose(true);
            throw;
        }

        _lastShapes = _outputShapes[MaxBatch - 1];
    }

    public override IInferenceCompletion Completion => _completion;

    public override nint InputDevicePointer => _inputDevice.DevicePointer;

    public override nint OutputDevicePointer(int index) => _outputDevice[index].DevicePointer;

    public override Span<float> InputSlot(int slot)
    {
        CheckSlot(slot);
        if (_inputHost is null)
        {
            throw new InvalidOperationException("this buffer set's input is in device memory; write it at InputDevicePointer");
        }

        return _inputHost.AsSpan<float>().Slice(slot * SlotElements, SlotElements);
    }

    public override ReadOnlySpan<float> Output(int index, out TensorShape shape)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        shape = _lastShapes[index];
        return _outputHost[index] is { } host
            ? host.AsSpan<float>()
            : throw new InvalidOperationException("this buffer set's outputs are in device memory; read them at OutputDevicePointer");
    }

    /// <summary>Queues a run of <paramref name="batch"/> images on the set's stream.</summary>
    public IInferenceCompletion Enqueue(int batch)
    {
        CheckBatch(batch);
        if (!_completion.IsComplete)
        {
            throw new InvalidOperationException("the buffer set is still running its last batch; wait for its completion first");
        }

        var size = _engine.HasDynamicBatch ? batch : MaxBatch;
        _engine.Context.MakeCurrent();
        if (_engine.HasDynamicBatch)
        {
            _execution.SetInputShape(_engine.InputTensor.Index, _inputDims[size - 1]);
        }

        if (_inputHost is not null)
        {
            _inputDevice.CopyFromHostAsync(_inputHost, (ulong)size * (ulong)SlotElements * sizeof(float), _stream);
        }

        _execution.Enqueue(_stream);
        for (var o = 0; o < _outputDevice.Length; o++)
        {
            if (_outputHost[o] is { } host)
            {
                _outputDevice[o].CopyToHostAsync(host, Bytes(_outputShapes[size - 1][o]), _stream);
            }
        }

        _completion.QueueAfter(_stream);
        _lastShapes = _outputShapes[size - 1];
        Batch = batch;
        return _completion;
    }

    protected override void Dispose(bool disposing)
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private static ulong Bytes(TensorShape shape) => (ulong)shape.ElementCount * sizeof(float);

    private T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }
}
