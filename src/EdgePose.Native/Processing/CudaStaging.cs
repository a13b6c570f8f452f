using EdgePose.Native.Cuda;

namespace EdgePose.Native.Processing;

/// <summary>
/// Host memory the GPU reads or writes for one purpose (a frame in, a model input back, a raw output in): pinned
/// memory with a device copy (discrete GPUs: one DMA copy each way), or mapped memory that kernels use in place
/// (zero-copy: Jetson, where the GPU shares the host's memory). Made once; disposed with its processor.
/// </summary>
internal sealed class CudaStaging : IDisposable
{
    private readonly CudaPinnedBuffer? _pinned;
    private readonly CudaDeviceBuffer? _device;
    private readonly CudaMappedBuffer? _mapped;

    private CudaStaging(CudaPinnedBuffer? pinned, CudaDeviceBuffer? device, CudaMappedBuffer? mapped, ulong bytes)
    {
        _pinned = pinned;
        _device = device;
        _mapped = mapped;
        Bytes = bytes;
    }

    public ulong Bytes { get; }

    /// <summary>True when kernels use the host memory in place.</summary>
    public bool IsZeroCopy => _mapped is not null;

    /// <summary>Where kernels read or write it.</summary>
    public ulong DevicePointer => _mapped?.DevicePointer ?? (ulong)_device!.DevicePointer;

    /// <summary>
    /// <paramref name="bytes"/> bytes of staging in <paramref name="context"/>: mapped when <paramref name="zeroCopy"/>,
    /// else device memory (allocated first: a GPU out of memory fails there) and its pinned host side.
    /// </summary>
    public static CudaStaging Allocate(CudaPrimaryContext context, ulong bytes, bool zeroCopy)
    {
        bytes = Math.Max(bytes, 1);
        if (zeroCopy)
        {
            return new CudaStaging(null, null, context.AllocateMapped(bytes), bytes);
        }

        var device = context.AllocateDevice(bytes);
        try
        {
            return new CudaStaging(context.AllocatePinned(bytes), device, null, bytes);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <summary>The host side as <typeparamref name="T"/> elements.</summary>
    public Span<T> Host<T>()
        where T : unmanaged => _mapped is not null ? _mapped.AsSpan<T>() : _pinned!.AsSpan<T>();

    /// <summary>Queues the first <paramref name="bytes"/> host bytes to the device side (nothing to do when zero-copy).</summary>
    public void ToDevice(ulong bytes, CudaStream stream) => _device?.CopyFromHostAsync(_pinned!, bytes, stream);

    /// <summary>Queues the first <paramref name="bytes"/> device bytes back to the host side (nothing to do when zero-copy).</summary>
    public void ToHost(ulong bytes, CudaStream stream) => _device?.CopyToHostAsync(_pinned!, bytes, stream);

    public void Dispose()
    {
        _mapped?.Dispose();
        _pinned?.Dispose();
        _device?.Dispose();
    }
}
