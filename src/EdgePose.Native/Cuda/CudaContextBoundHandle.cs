using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda;

/// <summary>
/// A CUDA resource made in a context: keeps that context alive, and frees itself inside it (from any
/// thread, the finalizer's included).
/// </summary>
public abstract class CudaContextBoundHandle : SafeHandle
{
    private CudaPrimaryContext? _context;

    protected CudaContextBoundHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public CudaPrimaryContext Context => _context ?? throw new ObjectDisposedException(GetType().Name);

    /// <summary>Takes ownership of <paramref name="value"/>, made in <paramref name="context"/>.</summary>
    protected void Attach(CudaPrimaryContext context, nint value)
    {
        var added = false;
        context.DangerousAddRef(ref added);
        _context = context;
        SetHandle(value);
    }

    /// <summary>Frees the resource; the context is current on the calling thread.</summary>
    protected abstract CudaResult Free(nint value);

    protected sealed override bool ReleaseHandle()
    {
        var context = _context;
        if (context is null)
        {
            return true;
        }

        var pushed = CudaDriverApi.cuCtxPushCurrent(context.RawHandle) == CudaResult.Success;
        var freed = pushed && Free(handle) == CudaResult.Success;
        if (pushed)
        {
            CudaDriverApi.cuCtxPopCurrent(out _);
        }

        context.DangerousRelease();
        _context = null;
        return freed;
    }
}
