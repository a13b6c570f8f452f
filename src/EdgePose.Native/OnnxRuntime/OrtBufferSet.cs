using EdgePose.Core.Engines;
using Microsoft.ML.OnnxRuntime;
using OrtElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// The buffers of one <see cref="OnnxRuntimeEngine"/> buffer set: a pinned input and pinned outputs for a full
/// batch, and for each batch size an IOBinding of OrtValues over their first images, made once. A run of n
/// images passes binding n to ONNX Runtime, which writes straight into our outputs.
/// </summary>
internal sealed unsafe class OrtBufferSet : EngineBufferSet
{
    private readonly float[] _input;
    private readonly float[][] _outputs;
    private readonly TensorInfo[] _outputInfos;
    private readonly TensorShape[][] _outputShapes; // [batch - 1][output]
    private readonly OrtIoBinding?[] _bindings; // [batch - 1]; null for sizes a fixed-batch model cannot run
    private readonly List<IDisposable> _owned = [];
    private TensorShape[] _lastShapes;

    public OrtBufferSet(OnnxRuntimeEngine engine, TensorInfo input, IReadOnlyList<TensorInfo> outputs, bool dynamicBatch)
        : base(engine, engine.MaxBatch, input, MemoryLocation.Host, MemoryLocation.Host)
    {
        _input = PinnedArray.Allocate<float>(input.Shape.ElementCount);
        _outputInfos = [.. outputs];
        _outputs = [.. outputs.Select(o => PinnedArray.Allocate<float>(o.Shape.ElementCount))];
        _bindings = new OrtIoBinding?[MaxBatch];
        _outputShapes = new TensorShape[MaxBatch][];
        try
        {
            for (var n = 1; n <= MaxBatch; n++)
            {
                if (!dynamicBatch && n != MaxBatch)
                {
                    continue;
                }

                var binding = Own(engine.Session.CreateIoBinding());
                binding.BindInput(input.Name, Own(Over(_input, AtBatch(input.Shape, n))));
                _outputShapes[n - 1] = new TensorShape[_outputs.Length];
                for (var o = 0; o < _outputs.Length; o++)
                {
                    var shape = dynamicBatch ? AtBatch(_outputInfos[o].Shape, n) : _outputInfos[o].Shape;
                    _outputShapes[n - 1][o] = shape;
                    binding.BindOutput(_outputInfos[o].Name, Own(Over(_outputs[o], shape)));
                }

                _bindings[n - 1] = binding;
            }
        }
        catch
        {
            Dispose(true);
            throw;
        }

        _lastShapes = _outputShapes[MaxBatch - 1];
    }

    public override IInferenceCompletion Completion => CompletedInference.Instance;

    public override nint InputDevicePointer => 0;

    public override nint OutputDevicePointer(int index) => 0;

    public override Span<float> InputSlot(int slot) => _input.AsSpan(CheckSlot(slot) * SlotElements, SlotElements);

    public override ReadOnlySpan<float> Output(int index, out TensorShape shape)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        shape = _lastShapes[index];
        return _outputs[index];
    }

    /// <summary>Runs the first <paramref name="batch"/> images (all of them for a fixed-batch model).</summary>
    public void Run(InferenceSession session, RunOptions options, int batch)
    {
        CheckBatch(batch);
        var size = _bindings[batch - 1] is null ? MaxBatch : batch;
        session.RunWithBinding(options, _bindings[size - 1]!);
        _lastShapes = _outputShapes[size - 1];
        Batch = batch;
    }

    protected override void Dispose(bool disposing)
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    /// <summary><paramref name="shape"/> with its first dimension set to <paramref name="batch"/>.</summary>
    private static TensorShape AtBatch(TensorShape shape, int batch)
    {
        var dims = (long[])shape.Dims.Clone();
        dims[0] = batch;
        return new TensorShape(dims);
    }

    /// <summary>A float tensor of <paramref name="shape"/> over the start of the pinned <paramref name="buffer"/>.</summary>
    private static OrtValue Over(float[] buffer, TensorShape shape) =>
        OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance,
            OrtElementType.Float,
            shape.Dims,
            (nint)PinnedArray.Address(buffer),
            shape.ElementCount * sizeof(float));

    private T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }
}
