namespace EdgePose.Native.Cuda;

/// <summary>GPU memory (cuMemAlloc), freed on dispose. <see cref="DevicePointer"/> is what TensorRT takes.</summary>
public sealed class CudaDeviceBuffer : CudaContextBoundHandle
{
    public ulong Bytes { get; private set; }

    /// <summary>The CUdeviceptr, for TensorRT's tensor addresses and the calibrator's batches.</summary>
    public nint DevicePointer => handle;

    internal static CudaDeviceBuffer Allocate(CudaPrimaryContext context, ulong bytes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bytes);
        using var scope = context.Push();
        CudaException.ThrowIfFailed(CudaDriverApi.cuMemAlloc(out var pointer, (nuint)bytes), $"cuMemAlloc({bytes} bytes)");
        var buffer = new CudaDeviceBuffer { Bytes = bytes };
        buffer.Attach(context, (nint)pointer);
        return buffer;
    }

    /// <summary>Queues a copy of <paramref name="bytes"/> bytes from pinned host memory to this buffer.</summary>
    public unsafe void CopyFromHostAsync(CudaPinnedBuffer source, ulong bytes, CudaStream stream)
    {
        CheckSize(bytes, source.Bytes);
        CudaException.ThrowIfFailed(
            CudaDriverApi.cuMemcpyHtoDAsync((ulong)handle, (void*)source.HostPointer, (nuint)bytes, stream.RawHandle),
            "cuMemcpyHtoDAsync");
    }

    /// <summary>Queues a copy of <paramref name="bytes"/> bytes from this buffer to pinned host memory.</summary>
    public unsafe void CopyToHostAsync(CudaPinnedBuffer destination, ulong bytes, CudaStream stream)
    {
        CheckSize(bytes, destination.Bytes);
        CudaException.ThrowIfFailed(
            CudaDriverApi.cuMemcpyDtoHAsync((void*)destination.HostPointer, (ulong)handle, (nuint)bytes, stream.RawHandle),
            "cuMemcpyDtoHAsync");
    }

    protected override CudaResult Free(nint value) => CudaDriverApi.cuMemFree((ulong)value);

    private void CheckSize(ulong bytes, ulong hostBytes)
    {
        if (bytes > Bytes || bytes > hostBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), $"copy of {bytes} bytes exceeds a buffer ({Bytes} device, {hostBytes} host bytes)");
        }
    }
}
