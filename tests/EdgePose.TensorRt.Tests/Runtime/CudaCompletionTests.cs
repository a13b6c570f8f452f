using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Runtime;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Runtime;

/// <summary>
/// The completion a TensorRT buffer set returns: set by a host callback behind the stream's work, with a CUDA event
/// recorded at the same point. Checked with copies on a real stream (no TensorRT needed, a GPU is).
/// </summary>
public class CudaCompletionTests
{
    [RequiresGpuFact]
    public void Completion_is_signalled_after_the_work_queued_before_it()
    {
        using var context = CudaDevice.Get(0).RetainPrimaryContext();
        context.MakeCurrent();
        using var stream = context.CreateStream();
        const ulong bytes = 64UL << 20;
        using var up = context.AllocatePinned(bytes);
        using var down = context.AllocatePinned(bytes);
        using var device = context.AllocateDevice(bytes);
        up.AsSpan<float>().Fill(3f);
        using var completion = new CudaCompletion(context);
        Assert.True(completion.IsComplete); // nothing queued yet

        for (var round = 0; round < 3; round++)
        {
            down.AsSpan<float>().Clear();
            device.CopyFromHostAsync(up, bytes, stream);
            device.CopyToHostAsync(down, bytes, stream);
            completion.QueueAfter(stream);

            Assert.True(completion.Wait(TimeSpan.FromSeconds(10)), $"round {round}: not signalled");
            Assert.True(completion.IsComplete);
            Assert.NotEqual(0, completion.CudaEvent);
            Assert.True(completion.Event.IsComplete);
            Assert.True(down.AsSpan<float>().IndexOfAnyExcept(3f) < 0, $"round {round}: the copy was not finished when the completion fired");
        }
    }

    [RequiresGpuFact]
    public void Queuing_a_completion_allocates_no_managed_memory()
    {
        using var context = CudaDevice.Get(0).RetainPrimaryContext();
        context.MakeCurrent();
        using var stream = context.CreateStream();
        using var completion = new CudaCompletion(context);
        completion.QueueAfter(stream);
        completion.Wait(TimeSpan.FromSeconds(10));

        var before = GC.GetAllocatedBytesForCurrentThread();
        completion.QueueAfter(stream);
        var done = completion.Wait(TimeSpan.FromSeconds(10));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(done);
        Assert.Equal(0, allocated);
    }

}
