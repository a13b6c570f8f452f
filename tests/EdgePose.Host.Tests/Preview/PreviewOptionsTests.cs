using EdgePose.Core.Errors;
using EdgePose.Host.Preview;

namespace EdgePose.Host.Tests.Preview;

public sealed class PreviewOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_bind_to_loopback_only()
    {
        var options = new PreviewOptions().Validated();

        Assert.Equal("127.0.0.1", options.Address);
    }

    [Theory]
    [InlineData("camera.local", "preview address 'camera.local' is not an IP address or 'localhost'")]
    [InlineData("", "preview address '' is not an IP address or 'localhost'")]
    public void A_bad_address_is_named(string address, string message)
    {
        var e = Assert.Throws<InputException>(() => new PreviewOptions { Address = address }.Validated());

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("localhost")]
    public void Other_addresses_are_accepted_on_purpose(string address) =>
        new PreviewOptions { Address = address }.Validated();

    public static TheoryData<PreviewOptions, string> BadSettings => new()
    {
        { new PreviewOptions { Port = 70000 }, "preview port 70000 is out of range" },
        { new PreviewOptions { Port = -1 }, "preview port -1 is out of range" },
        { new PreviewOptions { MaxFps = 0 }, "preview max fps 0 is out of range" },
        { new PreviewOptions { MaxFps = double.NaN }, "preview max fps NaN is out of range" },
        { new PreviewOptions { JpegQuality = 0 }, "preview JPEG quality 0 is out of range" },
        { new PreviewOptions { JpegQuality = 101 }, "preview JPEG quality 101 is out of range" },
        { new PreviewOptions { MaxWidth = 10 }, "preview max width 10 is out of range" },
        { new PreviewOptions { KeypointThreshold = 2 }, "preview keypoint threshold 2 is out of range" },
        { new PreviewOptions { SnapshotTimeout = TimeSpan.Zero }, "preview snapshot timeout 0 is out of range" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_setting_out_of_range_is_named_with_its_range(PreviewOptions options, string start)
    {
        var e = Assert.Throws<InputException>(() => options.Validated());

        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected", e.Message, StringComparison.Ordinal);
    }
}
