namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The device scratch of the decode/NMS kernels for one output layout and its options (candidates, sort
/// order, IoU mask, kept list), the device result and its pinned host copy. Made once, reused every frame.
/// </summary>
public sealed class CudaPostprocessBuffers : IDisposable
{
    private readonly List<CudaContextBoundHandle> _all = [];

    public CudaPostprocessBuffers(CudaPrimaryContext context, in DecodeParams p)
    {
        Params = p;
        ulong cap = (ulong)p.Capacity;
        ulong nms = (ulong)p.NmsCapacity;
        ulong words = (ulong)p.MaskWords;
        try
        {
            Counter = Add(context.AllocateDevice(4));
            Keys = Add(context.AllocateDevice(8 * cap));
            Boxes = Add(context.AllocateDevice(16 * cap));
            Anchors = Add(context.AllocateDevice(4 * cap));
            Classes = Add(context.AllocateDevice(4 * cap));
            Scores = Add(context.AllocateDevice(4 * cap));
            Order = Add(context.AllocateDevice(4 * nms));
            Mask = Add(context.AllocateDevice(8 * nms * words));
            Removed = Add(context.AllocateDevice(8 * words));
            Keep = Add(context.AllocateDevice(4 * (ulong)p.MaxDetections));
            Result = Add(context.AllocateDevice(4 * (ulong)p.ResultWords));
            HostResult = Add(context.AllocatePinned(4 * (ulong)p.ResultWords));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The parameters these buffers are sized for.</summary>
    public DecodeParams Params { get; }

    internal CudaDeviceBuffer Counter { get; }

    internal CudaDeviceBuffer Keys { get; }

    internal CudaDeviceBuffer Boxes { get; }

    internal CudaDeviceBuffer Anchors { get; }

    internal CudaDeviceBuffer Classes { get; }

    internal CudaDeviceBuffer Scores { get; }

    internal CudaDeviceBuffer Order { get; }

    internal CudaDeviceBuffer Mask { get; }

    internal CudaDeviceBuffer Removed { get; }

    internal CudaDeviceBuffer Keep { get; }

    internal CudaDeviceBuffer Result { get; }

    internal CudaPinnedBuffer HostResult { get; }

    /// <summary>The result (see <see cref="KernelResult"/>) once the stream has passed the postprocess.</summary>
    public ReadOnlySpan<int> HostResultWords => HostResult.AsSpan<int>()[..Params.ResultWords];

    /// <summary>True when <paramref name="p"/> fits these buffers.</summary>
    public bool Fits(in DecodeParams p) =>
        p.Capacity <= Params.Capacity && p.NmsCapacity <= Params.NmsCapacity && p.MaskWords == Params.MaskWords
        && p.MaxDetections <= Params.MaxDetections && p.KeypointCount == Params.KeypointCount;

    public void Dispose()
    {
        foreach (var h in _all)
        {
            h.Dispose();
        }

        _all.Clear();
    }

    private T Add<T>(T handle)
        where T : CudaContextBoundHandle
    {
        _all.Add(handle);
        return handle;
    }
}
