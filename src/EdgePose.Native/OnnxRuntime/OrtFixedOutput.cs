using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime.Handles;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// An output whose shape the model fixes: one pinned buffer with an <c>OrtValue</c> over it, both made once.
/// Every run passes that value, so ONNX Runtime writes into our buffer and nothing is allocated per run.
/// </summary>
internal sealed unsafe class OrtFixedOutput : OrtOutputBuffer
{
    private readonly float[] _data;
    private readonly OrtValueHandle _value;
    private readonly TensorShape _shape;

    public OrtFixedOutput(OrtApi api, OrtMemoryInfoHandle cpu, TensorShape shape)
    {
        _shape = shape;
        _data = PinnedArray.Allocate<float>(shape.ElementCount);
        _value = OrtTensorFactory.OverBuffer(api, cpu, _data, shape);
    }

    public override nint ValueForRun => _value.Pointer;

    /// <summary>The pinned host buffer ONNX Runtime writes into.</summary>
    internal float[] Buffer => _data;

    public override void Collect(nint value)
    {
        // ONNX Runtime filled the value we passed in; nothing to move.
    }

    public override void Discard(nint value)
    {
    }

    public override ReadOnlySpan<float> Read(out TensorShape shape)
    {
        shape = _shape;
        return _data;
    }

    public override void Dispose() => _value.Dispose();
}
