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

    /// <summary>
    /// Queues a copy of <paramref name="rows"/> rows of <paramref name="rowBytes"/> bytes from pinned host
    /// memory with <paramref name="sourcePitch"/> bytes per row into this buffer with <paramref name="pitch"/>
    /// bytes per row (a camera frame with padded rows into a tight or pitched device image).
    /// </summary>
    public unsafe void CopyFromHost2DAsync(CudaPinnedBuffer source, ulong sourcePitch, ulong pitch, ulong rowBytes, ulong rows, CudaStream stream)
    {
        if (rowBytes > sourcePitch || rowBytes > pitch || rows == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rowBytes), $"2D copy of {rows} rows of {rowBytes} bytes does not fit pitches {sourcePitch} (host) and {pitch} (device)");
        }

        ulong deviceExtent = ((rows - 1) * pitch) + rowBytes;
        ulong hostExtent = ((rows - 1) * sourcePitch) + rowBytes;
        if (deviceExtent > Bytes || hostExtent > source.Bytes)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"2D copy spans {hostExtent} host and {deviceExtent} device bytes; buffers hold {source.Bytes} and {Bytes}");
        }

        var copy = new CudaMemcpy2D
        {
            SrcMemoryType = CudaMemcpy2D.MemoryTypeHost,
            SrcHost = source.HostPointer,
            SrcPitch = (nuint)sourcePitch,
            DstMemoryType = CudaMemcpy2D.MemoryTypeDevice,
            DstDevice = (ulong)handle,
            DstPitch = (nuint)pitch,
            WidthInBytes = (nuint)rowBytes,
            Height = (nuint)rows,
        };
        CudaException.ThrowIfFailed(CudaDriverApi.cuMemcpy2DAsync(&copy, stream.RawHandle), "cuMemcpy2DAsync");
    }

    /// <summary>Queues a copy of <paramref name="bytes"/> bytes from another device buffer into this one.</summary>
    public void CopyFromDeviceAsync(CudaDeviceBuffer source, ulong bytes, CudaStream stream)
    {
        CheckSize(bytes, source.Bytes);
        CudaException.ThrowIfFailed(CudaDriverApi.cuMemcpyDtoDAsync((ulong)handle, (ulong)source.handle, (nuint)bytes, stream.RawHandle), "cuMemcpyDtoDAsync");
    }

    /// <summary>Queues setting the first <paramref name="count"/> 32-bit words of this buffer to <paramref name="value"/>.</summary>
    public void FillAsync(uint value, ulong count, CudaStream stream)
    {
        if (count * 4 > Bytes)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"fill of {count} words exceeds the buffer's {Bytes} bytes");
        }

        CudaException.ThrowIfFailed(CudaDriverApi.cuMemsetD32Async((ulong)handle, value, (nuint)count, stream.RawHandle), "cuMemsetD32Async");
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
