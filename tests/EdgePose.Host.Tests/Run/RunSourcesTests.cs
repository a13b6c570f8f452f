using EdgePose.Host.Run;

namespace EdgePose.Host.Tests.Run;

public sealed class RunSourcesTests
{
    [Theory]
    [InlineData("/data/videos/gate.mp4", "gate")]
    [InlineData("file:///data/videos/gate%20cam.mp4", "gate20cam")]
    [InlineData("rtsp://admin:secret@10.0.0.7:554/stream1", "10.0.0.7")]
    [InlineData("test://ball?fps=5", "test-ball")]
    [InlineData("v4l2:///dev/video2", "video2")]
    [InlineData("0", "video0")]
    [InlineData("csi://1", "csi1")]
    [InlineData("gst://videotestsrc ! videoconvert", "pipeline")]
    public void An_unnamed_source_is_named_after_what_it_reads(string uri, string id)
    {
        Assert.Equal(id, RunSources.DefaultId(uri, 3, new Dictionary<string, int>()));
    }

    [Fact]
    public void A_default_name_already_taken_falls_back_to_the_position()
    {
        Assert.Equal("source1", RunSources.DefaultId("/a/gate.mp4", 1, new Dictionary<string, int> { ["gate"] = 0 }));
    }
}
