using EdgePose.Core.Sources;

namespace EdgePose.Core.Tests.Sources;

public sealed class CredentialMaskTests
{
    [Theory]
    [InlineData("rtsp://admin:secret@cam:554/live", "rtsp://***@cam:554/live")]
    [InlineData("rtsp://admin@cam/live", "rtsp://***@cam/live")]
    [InlineData("rtsp://admin:p@ss@cam/live", "rtsp://***@cam/live")]
    [InlineData("rtsp://cam/live", "rtsp://cam/live")]
    [InlineData("/data/user@host.avi", "/data/user@host.avi")]
    [InlineData("rtspsrc location=\"rtsp://u:p@h/x\" latency=0", "rtspsrc location=\"rtsp://***@h/x\" latency=0")]
    [InlineData("a rtsp://u:p@h1/x and rtsps://v:q@h2/y", "a rtsp://***@h1/x and rtsps://***@h2/y")]
    public void Credentials_in_urls_are_hidden_wherever_they_appear(string text, string expected)
    {
        Assert.Equal(expected, CredentialMask.Mask(text));
    }

    [Fact]
    public void An_email_like_text_without_scheme_is_left_alone()
    {
        Assert.Equal("mail admin@example.com", CredentialMask.Mask("mail admin@example.com"));
    }
}
