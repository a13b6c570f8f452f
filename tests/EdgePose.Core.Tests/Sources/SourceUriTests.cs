using EdgePose.Core.Errors;
using EdgePose.Core.Sources;

namespace EdgePose.Core.Tests.Sources;

public sealed class SourceUriTests
{
    private static SourceUri Parse(string text) => SourceUri.Parse(text, FakePaths.Standard);

    private static string Error(string text) => Assert.Throws<InputException>(() => Parse(text)).Message;

    [Theory]
    [InlineData("/data/a.jpg", SourceKind.Image, "/data/a.jpg")]
    [InlineData("rel/b.png", SourceKind.Image, "rel/b.png")]
    [InlineData("/data/notes.txt", SourceKind.Image, "/data/notes.txt")]
    [InlineData("/data/clip.MP4", SourceKind.VideoFile, "/data/clip.MP4")]
    [InlineData("/data/images", SourceKind.ImageFolder, "/data/images")]
    [InlineData("file:///data/clip.MP4", SourceKind.VideoFile, "/data/clip.MP4")]
    [InlineData("file://localhost/data/a.jpg", SourceKind.Image, "/data/a.jpg")]
    [InlineData("file:///data/my%20clip.avi", SourceKind.VideoFile, "/data/my clip.avi")]
    [InlineData("rtsp://cam.local:8554/live?channel=1", SourceKind.Rtsp, "rtsp://cam.local:8554/live?channel=1")]
    [InlineData("RTSPS://user:pw@cam/live", SourceKind.Rtsp, "RTSPS://user:pw@cam/live")]
    [InlineData("v4l2:///dev/video2", SourceKind.Camera, "/dev/video2")]
    [InlineData("v4l2://0", SourceKind.Camera, "/dev/video0")]
    [InlineData("0", SourceKind.Camera, "/dev/video0")]
    [InlineData("csi://1", SourceKind.Csi, "1")]
    [InlineData("gst://videotestsrc ! videoconvert", SourceKind.Pipeline, "videotestsrc ! videoconvert")]
    [InlineData("test://", SourceKind.TestPattern, "")]
    public void Each_form_is_classified_with_its_location(string text, SourceKind kind, string location)
    {
        var s = Parse(text);

        Assert.Equal(kind, s.Kind);
        Assert.Equal(location, s.Location);
        Assert.Equal(text, s.Text);
    }

    [Theory]
    [InlineData("/data/a.jpg", false, false)]
    [InlineData("/data/clip.MP4", false, false)]
    [InlineData("rtsp://cam/live", true, true)]
    [InlineData("0", true, true)]
    [InlineData("csi://0", true, true)]
    [InlineData("gst://videotestsrc", true, true)]
    [InlineData("test://", true, true)]
    [InlineData("test://?live=false", true, false)]
    public void Streams_and_live_sources_are_told_apart_from_files(string text, bool stream, bool live)
    {
        var s = Parse(text);

        Assert.Equal((stream, live), (s.IsStream, s.IsLive));
    }

    [Fact]
    public void Test_pattern_takes_its_options_from_the_query()
    {
        var s = Parse("test://?pattern=ball&width=640&height=480&fps=15&live=false&frames=7");

        Assert.Equal(new TestPatternOptions("ball", Live: false, Frames: 7), s.Test);
        Assert.Equal(new CaptureMode(640, 480, 15), s.Mode);
    }

    [Fact]
    public void Test_pattern_may_be_named_as_the_host_and_defaults_to_smpte()
    {
        Assert.Equal("red", Parse("test://red?width=8").Test.Pattern);
        Assert.Equal("smpte", Parse("test://").Test.Pattern);
        Assert.True(Parse("test://").Test.Live);
    }

    [Fact]
    public void Camera_takes_size_and_rate_options()
    {
        var s = Parse("v4l2:///dev/video0?width=1280&height=720&fps=30");

        Assert.Equal(new CaptureMode(1280, 720, 30), s.Mode);
        Assert.Equal("/dev/video0", s.Location);
    }

    [Fact]
    public void Rtsp_keeps_its_own_query_string_unparsed()
    {
        var s = Parse("rtsp://cam/stream?width=banana");

        Assert.Equal("rtsp://cam/stream?width=banana", s.Location);
        Assert.Equal(CaptureMode.Any, s.Mode);
    }

    [Theory]
    [InlineData("http://cam/video.mjpg", "unknown source scheme 'http'")]
    [InlineData("foo://x", "unknown source scheme 'foo'")]
    public void Unknown_scheme_is_one_line_error_naming_the_scheme(string text, string expected)
    {
        var message = Error(text);

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.Contains("rtsp://", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Unknown_scheme_error_hides_credentials()
    {
        var message = Error("ftp://admin:hunter2@host/x");

        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.Contains("ftp://***@host/x", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/missing.jpg", "source '/data/missing.jpg' not found")]
    [InlineData("file:///data/missing.mp4", "source 'file:///data/missing.mp4' not found")]
    [InlineData("file://data/a.jpg", "must be an absolute path")]
    [InlineData("v4l2:///dev/video9", "camera '/dev/video9' not found")]
    [InlineData("7", "camera '/dev/video7' not found")]
    [InlineData("v4l2://", "must name a device")]
    [InlineData("csi://left", "must name a sensor number")]
    [InlineData("gst://  ", "is empty")]
    [InlineData("rtsp://", "names no host")]
    [InlineData("rtsp://user:pw@/live", "names no host")]
    [InlineData("test://plaid", "unknown test pattern 'plaid'")]
    [InlineData("test://ball?pattern=red", "names its pattern twice")]
    [InlineData("test://?colour=red", "unknown option 'colour'")]
    [InlineData("test://?width=0", "option width=0")]
    [InlineData("test://?width=99999", "not a whole number from 1 to 16384")]
    [InlineData("test://?fps=abc", "option fps=abc")]
    [InlineData("test://?live=maybe", "is not true or false")]
    [InlineData("test://?width=2&width=3", "option 'width' given twice")]
    [InlineData("v4l2:///dev/video0?pattern=ball", "unknown option 'pattern'")]
    [InlineData("", "source is empty")]
    public void Bad_input_is_one_line_error_naming_what_is_wrong(string text, string expected)
    {
        var message = Error(text);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Missing_rtsp_host_error_hides_the_password()
    {
        Assert.DoesNotContain("pw", Error("rtsp://user:pw@/live"), StringComparison.Ordinal);
    }

    [Fact]
    public void Display_hides_rtsp_credentials()
    {
        var s = Parse("rtsp://admin:s3cret@10.0.0.5:554/h264");

        Assert.Equal("rtsp://***@10.0.0.5:554/h264", s.Display);
        Assert.Equal("rtsp://admin:s3cret@10.0.0.5:554/h264", s.Location);
    }

    [Fact]
    public void A_path_with_a_colon_but_no_scheme_is_a_path()
    {
        var paths = new FakePaths(["1 2://x.jpg"]);

        Assert.Equal(SourceKind.Image, SourceUri.Parse("1 2://x.jpg", paths).Kind);
    }
}
