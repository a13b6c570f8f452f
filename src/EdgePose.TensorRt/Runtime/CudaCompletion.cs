using System.Runtime.InteropServices;
using EdgePose.Core.Engines;
using EdgePose.Native.Cuda;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// The completion of a buffer set's runs on its CUDA stream: an event recorded after the run (for GPU consumers)
/// and a host callback queued behind it that sets a wait handle, so <see cref="Wait"/> blocks without polling.
/// Reused by every run of the set; queuing allocates nothing.
/// </summary>
internal sealed unsafe class CudaCompletion : IInferenceCompletion, IDisposable
{
    private readonly ManualResetEventSlim _done = new(initialState: true);
    private readonly CudaEvent _event;
    private GCHandle _self;

    public CudaCompletion(CudaPrimaryContext context)
    {
        _event = context.CreateEvent(timing: false); // completion only: an event without timing is cheaper
        _self = GCHandle.Alloc(this);
    }

    public bool IsComplete => _done.IsSet;

    public nint CudaEvent => _event.RawHandle;

    /// <summary>The event itself (tests).</summary>
    internal Native.Cuda.CudaEvent Event => _event;

    public bool Wait(TimeSpan timeout) => _done.Wait(timeout);

    /// <summary>Marks a run as started and queues its end behind the work on <paramref name="stream"/>.</summary>
    public void QueueAfter(CudaStream stream)
    {
        _done.Reset();
        _event.Record(stream);
        var result = CudaDriverApi.cuLaunchHostFunc(stream.RawHandle, &OnStreamDone, GCHandle.ToIntPtr(_self));
        if (result != CudaResult.Success)
        {
            _done.Set();
            CudaException.ThrowIfFailed(result, "cuLaunchHostFunc");
        }
    }

    public void Dispose()
    {
        _done.Wait(TimeSpan.FromSeconds(10)); // the callback must not run after the handle is freed
        _event.Dispose();
        if (_self.IsAllocated)
        {
            _self.Free();
        }

        _done.Dispose();
    }

    [UnmanagedCallersOnly]
    private static void OnStreamDone(nint user) => ((CudaCompletion)GCHandle.FromIntPtr(user).Target!)._done.Set();
}
