using EdgePose.Core.Engines;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Frames;

/// <summary>
/// One captured image and where it came from: source id, sequence number and capture time, pixel format, size and
/// stride, in host memory (<see cref="Pixels"/>) or device memory (<see cref="DevicePointer"/>). Rented from a
/// <see cref="FramePool"/> and returned to it when the pipeline is done with it; the host buffer is reused.
/// </summary>
public sealed class Frame
{
    private readonly FramePool? _pool;
    private byte[] _pixels;

    internal Frame(FramePool? pool, int capacityBytes)
    {
        _pool = pool;
        _pixels = capacityBytes > 0 ? new byte[capacityBytes] : [];
    }

    /// <summary>When the frame left each pipeline stage (Stopwatch ticks); reset when a source fills the frame.</summary>
    public StageStamps Stamps { get; } = new();

    /// <summary>Which source (camera, file, stream) the frame came from.</summary>
    public int SourceId { get; private set; }

    /// <summary>Frame number within its source, from 0.</summary>
    public long Sequence { get; private set; }

    /// <summary>When the frame was captured (the source's clock where it has one, else arrival time).</summary>
    public DateTimeOffset CaptureTime { get; private set; }

    public PixelFormat Format { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Bytes per row (of the Y plane for NV12).</summary>
    public int Stride { get; private set; }

    public MemoryLocation Location { get; private set; }

    /// <summary>Where a device frame lives (a CUdeviceptr); 0 for a host frame.</summary>
    public nint DevicePointer { get; private set; }

    /// <summary>Bytes the frame's pixels take: Stride × Height, × 1.5 for NV12.</summary>
    public int ByteCount => Format == PixelFormat.Nv12 ? Stride * Height * 3 / 2 : Stride * Height;

    /// <summary>The host pixels (<see cref="ByteCount"/> bytes); empty for a device frame.</summary>
    public Span<byte> Pixels => Location == MemoryLocation.Host ? _pixels.AsSpan(0, ByteCount) : [];

    /// <summary>Bytes the host buffer holds without growing.</summary>
    public int Capacity => _pixels.Length;

    /// <summary>A BGR host frame as the view the predictors take.</summary>
    public BgrImage AsBgrImage() =>
        Format == PixelFormat.Bgr24 && Location == MemoryLocation.Host
            ? new BgrImage(Pixels, Width, Height, Stride)
            : throw new InvalidOperationException($"frame is {Format} in {Location} memory; a BGR image view needs Bgr24 in host memory");

    /// <summary>Describes a host frame; grows the buffer when it is too small (the only allocation, at warm-up).</summary>
    public void SetHost(int sourceId, long sequence, DateTimeOffset captureTime, PixelFormat format, int width, int height, int stride)
    {
        Describe(sourceId, sequence, captureTime, format, width, height, stride, MemoryLocation.Host, 0);
        if (_pixels.Length < ByteCount)
        {
            _pixels = new byte[ByteCount];
        }
    }

    /// <summary>Describes a frame in device memory at <paramref name="devicePointer"/>, which the caller keeps alive.</summary>
    public void SetDevice(int sourceId, long sequence, DateTimeOffset captureTime, PixelFormat format, int width, int height, int stride, nint devicePointer)
    {
        ArgumentOutOfRangeException.ThrowIfZero(devicePointer);
        Describe(sourceId, sequence, captureTime, format, width, height, stride, MemoryLocation.Device, devicePointer);
    }

    /// <summary>Sets when the frame was captured, once its pixels are in (the source's clock where it has one, else arrival).</summary>
    public void SetCaptureTime(DateTimeOffset captureTime) => CaptureTime = captureTime;

    /// <summary>Gives the frame back to its pool (no-op for a frame made without one).</summary>
    public void Return() => _pool?.Return(this);

    private void Describe(int sourceId, long sequence, DateTimeOffset captureTime, PixelFormat format, int width, int height, int stride, MemoryLocation location, nint devicePointer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        int minStride = format == PixelFormat.Nv12 ? width : width * 3;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, minStride);
        if (format == PixelFormat.Nv12 && (width % 2 != 0 || height % 2 != 0))
        {
            throw new ArgumentException($"an NV12 frame has even width and height, not {width}x{height}", nameof(width));
        }

        SourceId = sourceId;
        Sequence = sequence;
        CaptureTime = captureTime;
        Format = format;
        Width = width;
        Height = height;
        Stride = stride;
        Location = location;
        DevicePointer = devicePointer;
    }
}
