using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.Host.Tests.Commands;

public class InfoCommandTests
{
    [Fact]
    public async Task Info_names_the_versions_of_opencv_and_onnx_runtime_and_says_why_tensorrt_is_missing()
    {
        var r = await CliRun.InProcess("info");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("OpenCV: 4.", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("ONNX Runtime: 1.31.1", r.Stdout, StringComparison.Ordinal);
        var tensorRt = TensorRtLibrary.IsAvailable(out var noTensorRt)
            ? $"TensorRT: {TensorRtLibrary.Describe()}"
            : $"TensorRT: not found ({noTensorRt})";
        Assert.Contains(tensorRt + "\n", r.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var cuda = CudaDriver.TryInitialize(out var noCuda)
            ? $"CUDA driver: {CudaDriver.DriverVersion / 1000}."
            : $"CUDA driver: not found ({noCuda})\n";
        Assert.Contains(cuda, r.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
