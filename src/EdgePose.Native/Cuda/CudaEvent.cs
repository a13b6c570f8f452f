namespace EdgePose.Native.Cuda;

/// <summary>
/// A CUDA event: recorded on a stream, waited on by another stream, or timed against another event
/// (GPU-side timing, for the microbenchmarks). Made with timing unless asked otherwise.
/// </summary>
public sealed class CudaEvent : CudaContextBoundHandle
{
    public nint RawHandle => handle;

    internal static CudaEvent Create(CudaPrimaryContext context, bool timing)
    {
        using var scope = context.Push();
        CudaException.ThrowIfFailed(CudaDriverApi.cuEventCreate(out var e, timing ? 0u : CudaDriverApi.EventDisableTiming), "cuEventCreate");
        var ev = new CudaEvent();
        ev.Attach(context, e);
        return ev;
    }

    /// <summary>Records the event after everything queued so far on <paramref name="stream"/>.</summary>
    public void Record(CudaStream stream) =>
        CudaException.ThrowIfFailed(CudaDriverApi.cuEventRecord(handle, stream.RawHandle), "cuEventRecord");

    /// <summary>True once the work before the last record has finished (does not block).</summary>
    public bool IsComplete
    {
        get
        {
            var r = CudaDriverApi.cuEventQuery(handle);
            if (r == CudaResult.NotReady)
            {
                return false;
            }

            CudaException.ThrowIfFailed(r, "cuEventQuery");
            return true;
        }
    }

    /// <summary>Blocks until the work before the last record has finished.</summary>
    public void Synchronize() => CudaException.ThrowIfFailed(CudaDriverApi.cuEventSynchronize(handle), "cuEventSynchronize");

    /// <summary>GPU time in milliseconds from <paramref name="start"/> to <paramref name="end"/> (both recorded and complete).</summary>
    public static float ElapsedMilliseconds(CudaEvent start, CudaEvent end)
    {
        CudaException.ThrowIfFailed(CudaDriverApi.cuEventElapsedTime(out var ms, start.RawHandle, end.RawHandle), "cuEventElapsedTime");
        return ms;
    }

    protected override CudaResult Free(nint value) => CudaDriverApi.cuEventDestroy(value);
}
