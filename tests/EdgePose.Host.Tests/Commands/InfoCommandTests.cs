using EdgePose.Core.Errors;
using EdgePose.Host.Tests.Support;

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
        Assert.Matches("(?m)^TensorRT: .+$", r.Stdout);
        Assert.Matches("(?m)^CUDA driver: .+$", r.Stdout);
    }
}
