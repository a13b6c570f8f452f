using EdgePose.Train.Torch;
using TorchSharp;

namespace EdgePose.Train.Tests.Torch;

public sealed class TrainingDeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_is_always_available(string arg)
    {
        var (device, error) = TrainingDevice.Resolve(arg, () => false, () => 0);
        Assert.Null(error);
        Assert.Equal(DeviceType.CPU, device!.type);
    }

    [Fact]
    public void No_argument_takes_the_gpu_when_cuda_is_there_and_the_cpu_otherwise()
    {
        Assert.Equal(DeviceType.CUDA, TrainingDevice.Resolve(null, () => true, () => 1).Device!.type);
        Assert.Equal(DeviceType.CPU, TrainingDevice.Resolve("", () => false, () => 0).Device!.type);
    }

    [Theory]
    [InlineData("cuda", 0)]
    [InlineData("cuda:1", 1)]
    [InlineData("1", 1)]
    public void Gpu_forms_name_the_index(string arg, int index)
    {
        var (device, error) = TrainingDevice.Resolve(arg, () => true, () => 2);
        Assert.Null(error);
        Assert.Equal(DeviceType.CUDA, device!.type);
        Assert.Equal(index, device.index);
    }

    [Fact]
    public void A_gpu_on_a_cpu_build_is_an_error_that_says_how_to_switch()
    {
        var (device, error) = TrainingDevice.Resolve("cuda", () => false, () => 0);
        Assert.Null(device);
        Assert.Equal("device 'cuda' asks for a GPU, but this TorchSharp build has no CUDA (build with -p:EdgePoseTorchPackage=TorchSharp-cuda-linux; see docs/training.md)", error);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    [InlineData("-1")]
    public void Malformed_devices_are_errors(string arg)
    {
        var (device, error) = TrainingDevice.Resolve(arg, () => true, () => 1);
        Assert.Null(device);
        Assert.Equal($"device '{arg}' is not cpu, cuda, cuda:N or a GPU index", error);
    }

    [Fact]
    public void A_missing_gpu_index_is_an_error()
    {
        Assert.Equal("device 'cuda:3': GPU 3 does not exist (1 found)", TrainingDevice.Resolve("cuda:3", () => true, () => 1).Error);
    }
}
