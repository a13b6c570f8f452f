using System.Runtime.InteropServices;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Native.Cuda;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>
/// Feeds TensorRT's INT8 entropy calibrator from C#: each time the wrapper asks for a batch, the next
/// images are preprocessed into pinned memory, copied to one reused device buffer, and its address
/// handed back. A partial last batch is dropped. Failures are kept and rethrown after the build.
/// </summary>
internal sealed unsafe class CalibrationBatchFeeder : IDisposable
{
    private readonly IReadOnlyList<string> _images;
    private readonly List<string> _skipped = [];
    private readonly ICalibrationPreprocessor _preprocessor;
    private readonly CudaPrimaryContext _context;
    private readonly Action<int, int>? _onBatch;
    private CudaPinnedBuffer? _host;
    private CudaDeviceBuffer? _device;
    private CudaStream? _stream;
    private int _next;
    private GCHandle _self;

    public CalibrationBatchFeeder(IReadOnlyList<string> images, ICalibrationPreprocessor preprocessor, CudaPrimaryContext context, Action<int, int>? onBatch)
    {
        _images = images;
        _preprocessor = preprocessor;
        _context = context;
        _onBatch = onBatch;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>Images that could not be read or preprocessed, each with its reason; the next images took their place.</summary>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <summary>What stopped the feeding, rethrown by the builder; null when it ran to the end.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The wrapper's calibrator struct pointing back at this feeder.</summary>
    public TrtCalibrator ToNative(byte* cachePath) => new()
    {
        NextBatch = &NextBatch,
        User = GCHandle.ToIntPtr(_self),
        CachePath = cachePath,
    };

    public void Dispose()
    {
        _stream?.Dispose();
        _device?.Dispose();
        _host?.Dispose();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int NextBatch(nint user, int inputCount, TrtCalibrationTensorNative* inputs, nint* deviceBuffers)
    {
        var feeder = (CalibrationBatchFeeder)GCHandle.FromIntPtr(user).Target!;
        try
        {
            return feeder.Fill(inputCount, inputs, deviceBuffers) ? 1 : 0;
        }
        catch (Exception e)
        {
            feeder.Failure = e;
            return -1;
        }
    }

    private bool Fill(int inputCount, TrtCalibrationTensorNative* inputs, nint* deviceBuffers)
    {
        if (inputCount != 1)
        {
            throw new InputException($"INT8 calibration from images needs a model with one input; this one has {inputCount}");
        }

        var desc = inputs[0];
        var name = TrtText.FromPointer(desc.Name);
        if (desc.DataType != (int)TensorElementType.Float32 || desc.Rank != 4 || desc.Dims[1] != 3)
        {
            throw new InputException($"INT8 calibration from images needs a float32 [N,3,H,W] input; '{name}' is not");
        }

        int batch = (int)desc.Dims[0], height = (int)desc.Dims[2], width = (int)desc.Dims[3];
        if (_next + batch > _images.Count)
        {
            return false;
        }

        var imageFloats = 3 * height * width;
        var bytes = (ulong)batch * (ulong)imageFloats * sizeof(float);
        if (_device is null)
        {
            _context.MakeCurrent();
            _host = _context.AllocatePinned(bytes);
            _device = _context.AllocateDevice(bytes);
            _stream = _context.CreateStream();
        }

        var host = _host!.AsSpan<float>();
        for (var filled = 0; filled < batch;)
        {
            if (_next >= _images.Count)
            {
                return false;
            }

            var path = _images[_next++];
            try
            {
                _preprocessor.Preprocess(path, height, width, host.Slice(filled * imageFloats, imageFloats));
                filled++;
            }
            catch (Exception e) when (e is InputException or IOException or ArgumentException)
            {
                // One image's failure is that image's alone: calibrate on the next one instead.
                _skipped.Add($"{path}: {e.Message}");
            }
        }

        _device.CopyFromHostAsync(_host, bytes, _stream!);
        _stream!.Synchronize();
        deviceBuffers[0] = _device.DevicePointer;
        _onBatch?.Invoke(_next, _images.Count);
        return true;
    }
}
