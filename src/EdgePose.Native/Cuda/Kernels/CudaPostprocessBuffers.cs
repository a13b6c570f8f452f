namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The device scratch of the decode/NMS kernels for one output layout and its options (candidate and
/// kept counters, candidates, sort order, sorted boxes, IoU mask, kept list) and the compact result. The result is
/// either written by the kernels straight into pinned host memory mapped into the GPU (no copy; on
/// Jetson, where the GPU shares the host's memory, the natural path) or into device memory and copied
/// to pinned host memory once per frame. Also keeps the CUDA graphs recorded for these buffers. Made
/// once, reused every frame.
/// </summary>
public sealed class CudaPostprocessBuffers : IDisposable
{
    private readonly List<CudaContextBoundHandle> _all = [];

    public CudaPostprocessBuffers(CudaPrimaryContext context, in DecodeParams p, bool mappedResult = true)
    {
        Params = p;
        MappedResult = mappedResult;
        ulong cap = (ulong)p.Capacity;
        ulong nms = (ulong)p.NmsCapacity;
        ulong words = (ulong)p.MaskWords;
        ulong resultBytes = 4 * (ulong)p.ResultWords;
        try
        {
            Counter = Add(context.AllocateDevice(8));
            Keys = Add(context.AllocateDevice(8 * cap));
            Boxes = Add(context.AllocateDevice(16 * cap));
            Anchors = Add(context.AllocateDevice(4 * cap));
            Classes = Add(context.AllocateDevice(4 * cap));
            Scores = Add(context.AllocateDevice(4 * cap));
            Order = Add(context.AllocateDevice(4 * nms));
            SortedBoxes = Add(context.AllocateDevice(16 * nms));
            Mask = Add(context.AllocateDevice(8 * nms * words));
            Removed = Add(context.AllocateDevice(8 * words));
            Keep = Add(context.AllocateDevice(4 * (ulong)p.MaxDetections));
            if (mappedResult)
            {
                Mapped = Add(context.AllocateMapped(resultBytes));
            }
            else
            {
                Result = Add(context.AllocateDevice(resultBytes));
                HostResult = Add(context.AllocatePinned(resultBytes));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The parameters these buffers are sized for.</summary>
    public DecodeParams Params { get; }

    /// <summary>True when the kernels write the result into mapped pinned host memory (no copy).</summary>
    public bool MappedResult { get; }

    internal CudaDeviceBuffer Counter { get; }

    internal CudaDeviceBuffer Keys { get; }

    internal CudaDeviceBuffer Boxes { get; }

    internal CudaDeviceBuffer Anchors { get; }

    internal CudaDeviceBuffer Classes { get; }

    internal CudaDeviceBuffer Scores { get; }

    internal CudaDeviceBuffer Order { get; }

    internal CudaDeviceBuffer SortedBoxes { get; }

    internal CudaDeviceBuffer Mask { get; }

    internal CudaDeviceBuffer Removed { get; }

    internal CudaDeviceBuffer Keep { get; }

    internal CudaDeviceBuffer? Result { get; }

    internal CudaPinnedBuffer? HostResult { get; }

    internal CudaMappedBuffer? Mapped { get; }

    /// <summary>Where the kernels write the result: the mapped host memory's device address, or the device result.</summary>
    internal ulong ResultDeviceAddress => Mapped is not null ? Mapped.DevicePointer : (ulong)Result!.DevicePointer;

    /// <summary>The result (see <see cref="KernelResult"/>) once the stream has passed the postprocess.</summary>
    public ReadOnlySpan<int> HostResultWords =>
        (Mapped is not null ? Mapped.AsSpan<int>() : HostResult!.AsSpan<int>())[..Params.ResultWords];

    /// <summary>True when <paramref name="p"/> fits these buffers.</summary>
    public bool Fits(in DecodeParams p) =>
        p.Capacity <= Params.Capacity && p.NmsCapacity <= Params.NmsCapacity && p.MaskWords == Params.MaskWords
        && p.MaxDetections <= Params.MaxDetections && p.KeypointCount == Params.KeypointCount;

    /// <summary>The CUDA graphs recorded for these buffers (the first 8 (raw output, parameters) pairs).</summary>
    internal PostprocessGraphs<CudaGraph> Graphs { get; } = new();

    public void Dispose()
    {
        Graphs.Dispose();
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
