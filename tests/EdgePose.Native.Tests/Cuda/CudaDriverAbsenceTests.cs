using EdgePose.Native.Cuda;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>What the GPU path says on a machine without the NVIDIA driver (CI, this kind of machine).</summary>
public class CudaDriverAbsenceTests
{
    [WithoutCudaDriverFact]
    public void Without_a_driver_the_reason_names_libcuda_on_one_line()
    {
        Assert.False(CudaDriver.TryInitialize(out var why));

        Assert.Contains("libcuda.so.1", why);
        Assert.DoesNotContain('\n', why!);
    }

    [WithoutCudaDriverFact]
    public void Asking_for_a_device_without_a_driver_throws_that_reason()
    {
        CudaDriver.TryInitialize(out var why);

        var e = Assert.Throws<CudaException>(() => CudaDevice.Get(0));

        Assert.Equal(why, e.Message);
    }
}
