namespace EdgePose.Native.Cuda;

/// <summary>
/// Pinned host memory mapped into the GPU's address space (cuMemHostAlloc with DEVICEMAP): kernels read
/// and write it through <see cref="DevicePointer"/> without a copy. On Jetson, where the GPU shares the
/// host's memory, this is the fast path for camera frames in and results out.
/// </summary>
public sealed class CudaMappedBuffer : CudaContextBoundHandle
{
    public ulong Bytes { get; private set; }

    public nint HostPointer => handle;

    /// <summary>The same memory as seen by kernels of this buffer's context.</summary>
    public ulong DevicePointer { get; private set; }

    internal static CudaMappedBuffer Allocate(CudaPrimaryContext context, ulong bytes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bytes);
        using var scope = context.Push();
        CudaException.ThrowIfFailed(
            CudaDriverApi.cuMemHostAlloc(out var pointer, (nuint)bytes, CudaDriverApi.HostAllocPortable | CudaDriverApi.HostAllocDeviceMap),
            $"cuMemHostAlloc({bytes} bytes, mapped)");
        var buffer = new CudaMappedBuffer { Bytes = bytes };
        buffer.Attach(context, pointer);
        CudaException.ThrowIfFailed(CudaDriverApi.cuMemHostGetDevicePointer(out var device, pointer, 0), "cuMemHostGetDevicePointer");
        buffer.DevicePointer = device;
        return buffer;
    }

    /// <summary>The memory as <typeparamref name="T"/> elements; valid while this buffer is alive.</summary>
    public unsafe Span<T> AsSpan<T>()
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return new Span<T>((void*)handle, checked((int)(Bytes / (ulong)sizeof(T))));
    }

    protected override CudaResult Free(nint value) => CudaDriverApi.cuMemFreeHost(value);
}
