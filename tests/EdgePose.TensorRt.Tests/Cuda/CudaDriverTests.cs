using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Cuda;

/// <summary>The CUDA driver binding. Without an NVIDIA GPU only the "why not" line is checked.</summary>
public class CudaDriverTests
{
    [Fact]
    public void Availability_is_answered_with_a_one_line_reason_when_absent()
    {
        if (CudaDriver.TryInitialize(out var why))
        {
            Assert.Null(why);
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(why));
        Assert.DoesNotContain('\n', why!);
        var e = Assert.Throws<CudaException>(CudaDriver.Initialize);
        Assert.Equal(why, e.Message);
    }

    [RequiresGpuFact]
    public void Device_zero_has_a_name_and_a_compute_capability()
    {
        var device = CudaDevice.Get(0);

        Assert.False(string.IsNullOrWhiteSpace(device.Name));
        Assert.True(device.ComputeCapability.Major >= 5);
        Assert.True(device.TotalMemory > 0);
        Assert.True(CudaDevice.Count >= 1);
    }

    [RequiresGpuFact]
    public void Bytes_copied_to_the_gpu_and_back_arrive_unchanged()
    {
        using var context = CudaDevice.Get(0).RetainPrimaryContext();
        context.MakeCurrent();
        using var stream = context.CreateStream();
        using var up = context.AllocatePinned(4096);
        using var down = context.AllocatePinned(4096);
        using var device = context.AllocateDevice(4096);
        var source = up.AsSpan<float>();
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = i * 0.5f;
        }

        device.CopyFromHostAsync(up, 4096, stream);
        device.CopyToHostAsync(down, 4096, stream);
        stream.Synchronize();

        Assert.True(down.AsSpan<float>().SequenceEqual(up.AsSpan<float>()));
    }

    [RequiresGpuFact]
    public void Copy_larger_than_the_buffers_is_refused()
    {
        using var context = CudaDevice.Get(0).RetainPrimaryContext();
        using var stream = context.CreateStream();
        using var host = context.AllocatePinned(16);
        using var device = context.AllocateDevice(16);

        Assert.Throws<ArgumentOutOfRangeException>(() => device.CopyFromHostAsync(host, 32, stream));
    }

    [RequiresGpuFact]
    public void Buffers_outliving_their_context_handle_are_still_freed_inside_it()
    {
        var context = CudaDevice.Get(0).RetainPrimaryContext();
        var buffer = context.AllocateDevice(1024);
        context.Dispose(); // the buffer holds a reference: the context stays retained until it is freed

        Assert.False(buffer.Context.IsClosed);
        buffer.Dispose();
        Assert.True(buffer.IsClosed);
    }

    [RequiresGpuFact]
    public void Missing_device_is_reported_by_cuda()
    {
        var e = Assert.Throws<CudaException>(() => CudaDevice.Get(1000));

        Assert.StartsWith("cuDeviceGet(1000) failed: CUDA_ERROR_INVALID_DEVICE", e.Message, StringComparison.Ordinal);
    }
}
