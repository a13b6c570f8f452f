namespace EdgePose.Native.Cuda;

/// <summary>Page-locked host memory (cuMemAllocHost): the host side of async copies, freed on dispose.</summary>
public sealed class CudaPinnedBuffer : CudaContextBoundHandle
{
    public ulong Bytes { get; private set; }

    public nint HostPointer => handle;

    internal static CudaPinnedBuffer Allocate(CudaPrimaryContext context, ulong bytes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bytes);
        using var scope = context.Push();
        CudaException.ThrowIfFailed(CudaDriverApi.cuMemAllocHost(out var pointer, (nuint)bytes), $"cuMemAllocHost({bytes} bytes)");
        var buffer = new CudaPinnedBuffer { Bytes = bytes };
        buffer.Attach(context, pointer);
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
