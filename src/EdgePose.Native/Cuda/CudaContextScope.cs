namespace EdgePose.Native.Cuda;

/// <summary>Keeps a context pushed on the calling thread (and alive) until disposed.</summary>
public readonly struct CudaContextScope : IDisposable
{
    private readonly CudaPrimaryContext? _context;

    internal CudaContextScope(CudaPrimaryContext context)
    {
        var added = false;
        context.DangerousAddRef(ref added);
        var result = CudaDriverApi.cuCtxPushCurrent(context.RawHandle);
        if (result != CudaResult.Success)
        {
            context.DangerousRelease();
            CudaException.ThrowIfFailed(result, "cuCtxPushCurrent");
        }

        _context = context;
    }

    public void Dispose()
    {
        if (_context is null)
        {
            return;
        }

        CudaDriverApi.cuCtxPopCurrent(out _);
        _context.DangerousRelease();
    }
}
