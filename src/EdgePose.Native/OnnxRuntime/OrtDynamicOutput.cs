using EdgePose.Core.Engines;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// An output whose shape is known only after a run (e.g. a detection count): ONNX Runtime allocates the
/// value, we copy it into a host buffer that only grows, and release the value at once.
/// </summary>
internal sealed unsafe class OrtDynamicOutput : OrtOutputBuffer
{
    private readonly OrtApi _api;
    private readonly string _name;
    private float[] _data = [];
    private long[] _dims;
    private int _length;
    private bool _hasRun;

    public OrtDynamicOutput(OrtApi api, TensorInfo declared)
    {
        _api = api;
        _name = declared.Name;
        _dims = new long[declared.Shape.Rank];
    }

    public override nint ValueForRun => 0;

    public override void Collect(nint value)
    {
        // The value lives only inside this method; it is released in the finally below, not wrapped in a
        // SafeHandle, so that a run does not allocate a managed object per output.
        nint info = 0;
        try
        {
            _api.Check(_api.GetTensorTypeAndShape(value, &info));
            nuint rank;
            _api.Check(_api.GetDimensionsCount(info, &rank));
            if (_dims.Length != (int)rank)
            {
                _dims = new long[(int)rank];
            }

            fixed (long* d = _dims)
            {
                _api.Check(_api.GetDimensions(info, d, rank));
            }

            var count = new TensorShape(_dims).ElementCount;
            if (count > _data.Length)
            {
                _data = new float[Math.Max(count, Math.Min(Array.MaxLength, (long)_data.Length * 3 / 2))];
            }

            void* source = null;
            if (count > 0)
            {
                _api.Check(_api.GetTensorMutableData(value, &source));
                new ReadOnlySpan<float>(source, (int)count).CopyTo(_data);
            }

            _length = (int)count;
            _hasRun = true;
        }
        finally
        {
            if (info != 0)
            {
                _api.ReleaseTensorTypeAndShapeInfo(info);
            }

            _api.ReleaseValue(value);
        }
    }

    public override void Discard(nint value)
    {
        if (value != 0)
        {
            _api.ReleaseValue(value);
        }
    }

    public override ReadOnlySpan<float> Read(out TensorShape shape)
    {
        if (!_hasRun)
        {
            throw new InvalidOperationException($"output '{_name}' has a dynamic shape and no run has produced it yet");
        }

        // The shape shares our dims array: valid until the next run, like the data.
        shape = new TensorShape(_dims);
        return _data.AsSpan(0, _length);
    }

    public override void Dispose()
    {
    }
}
