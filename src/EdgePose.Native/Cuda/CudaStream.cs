namespace EdgePose.Native.Cuda;

/// <summary>A CUDA stream (non-blocking): copies and TensorRT inference are queued on it in order.</summary>
public sealed class CudaStream : CudaContextBoundHandle
{
    private const uint NonBlocking = 1; // CU_STREAM_NON_BLOCKING

    /// <summary>The CUstream, which is also what TensorRT's enqueue takes as cudaStream_t.</summary>
    public nint RawHandle => handle;

    internal static CudaStream Create(CudaPrimaryContext context)
    {
        using var scope = context.Push();
        CudaException.ThrowIfFailed(CudaDriverApi.cuStreamCreate(out var stream, NonBlocking), "cuStreamCreate");
        var s = new CudaStream();
        s.Attach(context, stream);
        return s;
    }

    /// <summary>Blocks until everything queued on the stream is done.</summary>
    public void Synchronize() => CudaException.ThrowIfFailed(CudaDriverApi.cuStreamSynchronize(handle), "cuStreamSynchronize");

    /// <summary>Work queued on this stream after this call waits for <paramref name="cudaEvent"/> (no host wait).</summary>
    public void WaitEvent(CudaEvent cudaEvent) =>
        CudaException.ThrowIfFailed(CudaDriverApi.cuStreamWaitEvent(handle, cudaEvent.RawHandle, 0), "cuStreamWaitEvent");

    protected override CudaResult Free(nint value) => CudaDriverApi.cuStreamDestroy(value);
}
