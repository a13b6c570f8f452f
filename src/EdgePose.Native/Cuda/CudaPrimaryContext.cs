using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.Cuda;

/// <summary>
/// A retained primary context of one GPU: the context the CUDA runtime, and so TensorRT, works in.
/// Memory and streams are made from it and keep it alive until they are released.
/// </summary>
public sealed class CudaPrimaryContext : SafeHandleZeroOrMinusOneIsInvalid
{
    private int _device;

    public CudaPrimaryContext()
        : base(ownsHandle: true)
    {
    }

    public int DeviceOrdinal { get; private set; }

    internal static CudaPrimaryContext Retain(CudaDevice device)
    {
        CudaException.ThrowIfFailed(CudaDriverApi.cuDevicePrimaryCtxRetain(out var ctx, device.Handle), "cuDevicePrimaryCtxRetain");
        var context = new CudaPrimaryContext { _device = device.Handle, DeviceOrdinal = device.Ordinal };
        context.SetHandle(ctx);
        return context;
    }

    /// <summary>Binds this context to the calling thread (cheap; call it where a thread starts GPU work).</summary>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        CudaException.ThrowIfFailed(CudaDriverApi.cuCtxSetCurrent(handle), "cuCtxSetCurrent");
    }

    /// <summary>Pushes this context on the calling thread until the returned scope is disposed.</summary>
    public CudaContextScope Push() => new(this);

    /// <summary>Device memory of <paramref name="bytes"/> bytes (uninitialised).</summary>
    public CudaDeviceBuffer AllocateDevice(ulong bytes) => CudaDeviceBuffer.Allocate(this, bytes);

    /// <summary>Page-locked host memory of <paramref name="bytes"/> bytes, for fast async copies.</summary>
    public CudaPinnedBuffer AllocatePinned(ulong bytes) => CudaPinnedBuffer.Allocate(this, bytes);

    /// <summary>Pinned host memory the GPU reads and writes in place (zero-copy; the fast path on Jetson).</summary>
    public CudaMappedBuffer AllocateMapped(ulong bytes) => CudaMappedBuffer.Allocate(this, bytes);

    /// <summary>An event, with timing (for <see cref="CudaEvent.ElapsedMilliseconds"/>) unless <paramref name="timing"/> is false.</summary>
    public CudaEvent CreateEvent(bool timing = true) => CudaEvent.Create(this, timing);

    /// <summary>Loads PTX text; <paramref name="name"/> names it in errors.</summary>
    public CudaModule LoadModule(ReadOnlySpan<byte> ptx, string name) => CudaModule.Load(this, ptx, name);

    /// <summary>A stream that does not synchronise with the legacy default stream.</summary>
    public CudaStream CreateStream() => CudaStream.Create(this);

    internal nint RawHandle => handle;

    protected override bool ReleaseHandle() => CudaDriverApi.cuDevicePrimaryCtxRelease(_device) == CudaResult.Success;
}
