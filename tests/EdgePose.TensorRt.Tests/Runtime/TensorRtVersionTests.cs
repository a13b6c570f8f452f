using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Tests.Runtime;

public class TensorRtVersionTests
{
    [Theory]
    [InlineData("10.3.0", 10, 3, 0)]
    [InlineData("8.6.2", 8, 6, 2)]
    [InlineData("8.5.2.2", 8, 5, 2)]
    public void Versions_parse_and_print_as_major_minor_patch(string text, int major, int minor, int patch)
    {
        var v = TensorRtVersion.Parse(text);

        Assert.Equal(new TensorRtVersion(major, minor, patch), v);
        Assert.Equal($"{major}.{minor}.{patch}", v.ToString());
    }

    [Theory]
    [InlineData("10.3")]
    [InlineData("ten")]
    [InlineData("10.3.x")]
    [InlineData("-1.0.0")]
    public void Malformed_versions_are_rejected(string text)
    {
        var e = Assert.Throws<FormatException>(() => TensorRtVersion.Parse(text));

        Assert.Equal($"'{text}' is not a TensorRT version like 10.3.0", e.Message);
    }

    [Fact]
    public void Compute_capability_parses_and_prints()
    {
        Assert.Equal(new ComputeCapability(8, 7), ComputeCapability.Parse("8.7"));
        Assert.Equal("7.2", new ComputeCapability(7, 2).ToString());
        Assert.Throws<FormatException>(() => ComputeCapability.Parse("sm_87"));
    }
}
