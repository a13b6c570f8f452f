using EdgePose.Core.Errors;
using EdgePose.Core.Sources;

namespace EdgePose.Core.Tests.Sources;

public sealed class SourcePipelineBuilderTests
{
    private const string LiveSink = "appsink name=sink drop=true max-buffers=1 sync=false enable-last-sample=false";
    private const string FileSink = "appsink name=sink drop=false max-buffers=4 sync=false enable-last-sample=false";

    private static readonly SourcePipelineOptions s_jetson = new()
    {
        Elements = GstElementNames.Hardware.ToHashSet(StringComparer.Ordinal),
    };

    private static SourcePipeline Build(string text, SourcePipelineOptions? options = null) =>
        SourcePipelineBuilder.Build(SourceUri.Parse(text, FakePaths.Standard), options ?? new SourcePipelineOptions());

    [Fact]
    public void Rtsp_is_low_latency_over_tcp_with_software_decode_and_newest_frame_only()
    {
        var p = Build("rtsp://cam:8554/live");

        Assert.Equal(
            "rtspsrc location=\"rtsp://cam:8554/live\" latency=0 protocols=tcp ! application/x-rtp,media=video ! decodebin ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink,
            p.Launch);
        Assert.True(p.IsLive);
        Assert.True(p.EndIsFailure);
    }

    [Fact]
    public void Only_rtsp_streams_treat_their_end_as_a_failure()
    {
        Assert.False(Build("test://ball?live=true").EndIsFailure);
        Assert.False(Build("gst://videotestsrc").EndIsFailure);
        Assert.False(Build("/data/clip.MP4").EndIsFailure);
    }

    [Fact]
    public void Rtsp_transport_and_latency_are_selectable()
    {
        var p = Build("rtsp://cam/live", new SourcePipelineOptions { RtspTransport = RtspTransport.Udp, RtspLatencyMs = 200 });

        Assert.Contains("latency=200 protocols=udp", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtsp_uses_the_jetson_hardware_decoder_when_it_exists()
    {
        var p = Build("rtsp://cam/live", s_jetson);

        Assert.Contains("! rtph264depay ! h264parse ! nvv4l2decoder ! nvvidconv ! video/x-raw,format=BGRx ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink, p.Launch, StringComparison.Ordinal);
        Assert.DoesNotContain("decodebin", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtsp_h265_on_jetson_names_the_h265_depayloader_and_parser()
    {
        var p = Build("rtsp://cam/live", s_jetson with { RtspCodec = VideoCodec.H265 });

        Assert.Contains("rtph265depay ! h265parse ! nvv4l2decoder", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtsp_hardware_path_gives_nv12_from_nvvidconv_without_videoconvert()
    {
        var p = Build("rtsp://cam/live", s_jetson with { PixelFormat = FramePixelFormat.Nv12 });

        Assert.EndsWith("nvv4l2decoder ! nvvidconv ! video/x-raw,format=NV12 ! " + LiveSink, p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtsp_without_a_hardware_decoder_decodes_in_software_even_if_asked_for_h265()
    {
        var p = Build("rtsp://cam/live", new SourcePipelineOptions { RtspCodec = VideoCodec.H265 });

        Assert.Contains("! decodebin ! videoconvert", p.Launch, StringComparison.Ordinal);
        Assert.DoesNotContain("nvv4l2decoder", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void File_reads_every_frame_at_the_readers_pace()
    {
        var p = Build("/data/clip.MP4");

        Assert.Equal("filesrc location=\"/data/clip.MP4\" ! decodebin ! videoconvert ! video/x-raw,format=BGR ! " + FileSink, p.Launch);
        Assert.False(p.IsLive);
    }

    [Fact]
    public void File_path_with_quotes_and_backslashes_is_quoted_for_gst_launch()
    {
        var paths = new FakePaths(["/v/a \"b\" \\c !.avi"]);
        var p = SourcePipelineBuilder.Build(SourceUri.Parse("/v/a \"b\" \\c !.avi", paths), new SourcePipelineOptions());

        Assert.StartsWith("filesrc location=\"/v/a \\\"b\\\" \\\\c !.avi\" ! decodebin", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void File_on_jetson_converts_with_nvvidconv_after_decodebin()
    {
        var p = Build("/data/clip.MP4", s_jetson);

        Assert.Contains("! decodebin ! nvvidconv ! video/x-raw,format=BGRx ! videoconvert ! video/x-raw,format=BGR ! " + FileSink, p.Launch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test://ball")]
    [InlineData("0")]
    [InlineData("gst://videotestsrc")]
    public void Sources_in_system_memory_convert_with_videoconvert_even_on_jetson(string text)
    {
        var p = Build(text, s_jetson);

        Assert.Contains("! videoconvert ! video/x-raw,format=BGR ! appsink", p.Launch, StringComparison.Ordinal);
        Assert.DoesNotContain("nvvidconv", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Camera_reads_v4l2_with_asked_mode_and_newest_frame_only()
    {
        var p = Build("v4l2:///dev/video2?width=1280&height=720&fps=30");

        Assert.Equal("v4l2src device=\"/dev/video2\" ! video/x-raw,width=1280,height=720,framerate=30/1 ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink, p.Launch);
        Assert.True(p.IsLive);
    }

    [Fact]
    public void Camera_index_without_mode_leaves_the_mode_to_the_device()
    {
        Assert.StartsWith("v4l2src device=\"/dev/video0\" ! videoconvert ! video/x-raw,format=BGR", Build("0").Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Csi_uses_nvarguscamerasrc_in_nvmm_memory_at_720p30_by_default()
    {
        var p = Build("csi://1", s_jetson);

        Assert.Equal(
            "nvarguscamerasrc sensor-id=1 ! video/x-raw(memory:NVMM),width=1280,height=720,framerate=30/1 ! nvvidconv ! video/x-raw,format=BGRx ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink,
            p.Launch);
    }

    [Fact]
    public void Csi_without_jetpack_elements_is_an_error_naming_the_element()
    {
        var e = Assert.Throws<InputException>(() => Build("csi://0"));

        Assert.Contains("nvarguscamerasrc", e.Message, StringComparison.Ordinal);
        Assert.Contains("csi://0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_pattern_is_videotestsrc_with_its_options()
    {
        var p = Build("test://?pattern=ball&width=320&height=240&fps=15");

        Assert.Equal("videotestsrc pattern=ball is-live=true ! video/x-raw,width=320,height=240,framerate=15/1 ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink, p.Launch);
        Assert.True(p.IsLive);
    }

    [Fact]
    public void Test_pattern_not_live_with_a_frame_count_reads_every_frame_and_ends()
    {
        var p = Build("test://red?live=false&frames=5");

        Assert.Equal("videotestsrc pattern=red is-live=false num-buffers=5 ! video/x-raw,width=640,height=480,framerate=30/1 ! videoconvert ! video/x-raw,format=BGR ! " + FileSink, p.Launch);
        Assert.False(p.IsLive);
    }

    [Fact]
    public void Test_pattern_in_nv12()
    {
        var p = Build("test://", new SourcePipelineOptions { PixelFormat = FramePixelFormat.Nv12 });

        Assert.Contains("! videoconvert ! video/x-raw,format=NV12 ! appsink", p.Launch, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_pipeline_without_appsink_gets_conversion_and_a_live_appsink()
    {
        var p = Build("gst://videotestsrc pattern=snow");

        Assert.Equal("videotestsrc pattern=snow ! videoconvert ! video/x-raw,format=BGR ! " + LiveSink, p.Launch);
    }

    [Fact]
    public void Raw_pipeline_with_its_own_appsink_is_used_as_given()
    {
        const string raw = "videotestsrc ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink";

        Assert.Equal(raw, Build("gst://" + raw).Launch);
    }

    [Theory]
    [InlineData("/data/a.jpg", "an image")]
    [InlineData("/data/images", "a folder of images")]
    public void Images_and_folders_have_no_pipeline(string text, string what)
    {
        var e = Assert.Throws<InputException>(() => Build(text));

        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_display_hides_rtsp_credentials()
    {
        var p = Build("rtsp://admin:s3cret@cam/live");

        Assert.Contains("s3cret", p.Launch, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", p.Display, StringComparison.Ordinal);
        Assert.Contains("rtsp://***@cam/live", p.Display, StringComparison.Ordinal);
    }
}
