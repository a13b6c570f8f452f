namespace EdgePose.Native.Cuda;

/// <summary>
/// A CUDA event (cuEventCreate, timing disabled): recorded on a stream after work, it completes when that work
/// has; another stream or a consumer waits on it.
/// </summary>
public sealed class CudaEvent : CudaContextBoundHandle
{
    private const uint DisableTiming = 2; // CU_EVENT_DISABLE_TIMING

    /// <summary>The CUevent.</summary>
    public nint RawHandle => handle;

    /// <summary>True when all work captured by the last record is done.</summary>
    public bool IsComplete
    {
        get
        {
            var result = CudaDriverApi.cuEventQuery(handle);
            if (result == CudaResult.Success)
            {
                return true;
            }

            return result == CudaResult.NotReady ? false : throw new CudaException(CudaException.Describe(result)) { Result = result };
        }
    }

    internal static CudaEvent Create(CudaPrimaryContext context)
    {
        using var scope = context.Push();
        CudaException.ThrowIfFailed(CudaDriverApi.cuEventCreate(out var cudaEvent, DisableTiming), "cuEventCreate");
        var e = new CudaEvent();
        e.Attach(context, cudaEvent);
        return e;
    }

    /// <summary>Records the event after the work queued so far on <paramref name="stream"/>.</summary>
    public void Record(CudaStream stream) => CudaException.ThrowIfFailed(CudaDriverApi.cuEventRecord(handle, stream.RawHandle), "cuEventRecord");

    protected override CudaResult Free(nint value) => CudaDriverApi.cuEventDestroy(value);
}
