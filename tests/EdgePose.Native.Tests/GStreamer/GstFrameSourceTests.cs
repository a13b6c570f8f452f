using System.Diagnostics;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.GStreamer;

public sealed class GstFrameSourceTests
{
    private const string Vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    [RequiresGStreamerTheory]
    [InlineData("red", 0, 0, 255)]
    [InlineData("green", 0, 255, 0)]
    [InlineData("blue", 255, 0, 0)]
    [InlineData("white", 255, 255, 255)]
    public void Test_pattern_gives_the_asked_frames_in_bgr_with_the_pattern_colour(string pattern, int b, int g, int r)
    {
        using var source = TestSources.Open($"test://{pattern}?width=320&height=240&live=false&frames=5");
        var frame = new byte[source.Format.TightBytes];

        var frames = 0;
        while (source.Read(frame, out var stamp) == FrameReadStatus.Frame)
        {
            Assert.Equal(frames, stamp.Sequence);
            Assert.InRange(stamp.PtsNanoseconds, (frames * 1_000_000_000L / 30) - 1, (frames * 1_000_000_000L / 30) + 1);
            AssertEveryPixel(frame, 320 * 3, 320, 240, b, g, r);
            frames++;
        }

        Assert.Equal(new VideoFrameFormat(320, 240, FramePixelFormat.Bgr), source.Format);
        Assert.Equal(5, frames);
        Assert.Equal(5, source.FramesRead);
    }

    [RequiresGStreamerFact]
    public void Odd_width_rows_padded_by_gstreamer_are_copied_without_their_padding()
    {
        // GStreamer pads BGR rows to 4 bytes: 321 * 3 = 963 bytes of pixels in a 964-byte row.
        using var source = TestSources.Open("test://red?width=321&height=7&live=false&frames=1");
        var frame = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        Assert.Equal(321 * 3 * 7, frame.Length);
        AssertEveryPixel(frame, 321 * 3, 321, 7, 0, 0, 255);
    }

    [RequiresGStreamerFact]
    public void Destination_stride_wider_than_a_row_leaves_the_gaps_untouched()
    {
        using var source = TestSources.Open("test://blue?width=10&height=4&live=false&frames=1");
        const int stride = 40;
        var frame = new byte[source.Format.BytesFor(stride)];
        Array.Fill(frame, (byte)7);

        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, stride, out _));
        AssertEveryPixel(frame, stride, 10, 4, 255, 0, 0);
        for (var y = 0; y < 3; y++)
        {
            Assert.All(frame[((y * stride) + 30)..((y + 1) * stride)], v => Assert.Equal(7, v));
        }
    }

    [RequiresGStreamerFact]
    public void Nv12_frame_is_a_luma_plane_then_a_half_size_chroma_plane()
    {
        using var source = TestSources.Open("test://white?width=320&height=240&live=false&frames=2", FramePixelFormat.Nv12);
        var frame = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        Assert.Equal(new VideoFrameFormat(320, 240, FramePixelFormat.Nv12), source.Format);
        Assert.Equal(320 * 240 * 3 / 2, frame.Length);
        Assert.All(frame[..(320 * 240)], y => Assert.InRange(y, 230, 255));
        Assert.All(frame[(320 * 240)..], uv => Assert.InRange(uv, 120, 136));
    }

    [RequiresGStreamerFact]
    public void Nv12_red_has_the_red_chroma()
    {
        using var source = TestSources.Open("test://red?width=64&height=48&live=false&frames=1", FramePixelFormat.Nv12);
        var frame = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        var u = frame[64 * 48];
        var v = frame[(64 * 48) + 1];
        Assert.InRange(u, 80, 110);
        Assert.InRange(v, 220, 255);
    }

    [RequiresGStreamerFact]
    public void Live_test_pattern_hands_over_moving_frames_at_its_rate()
    {
        using var source = TestSources.Open("test://ball?width=160&height=120&fps=30");
        var first = new byte[source.Format.TightBytes];
        var later = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(first, out var s0));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(later, out _));
        }

        Assert.NotEqual(first, later);
        Assert.True(first.Any(p => p > 200), "the ball is white on black");
        Assert.True(source.FramesRead == 6);
        Assert.True(s0.CaptureTimestamp > 0);
    }

    [RequiresGStreamerFact]
    public void Stalled_source_is_reported_within_the_read_timeout()
    {
        // One frame every 10 s: the first arrives at once, the second not within the timeout.
        const string launch = "videotestsrc is-live=true ! video/x-raw,width=32,height=24,framerate=1/10 ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink drop=true max-buffers=1 sync=false";
        using var source = GstFrameSource.Open(launch, "slow camera", new GstFrameSourceOptions { OpenTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromMilliseconds(300) });
        var frame = new byte[source.Format.TightBytes];
        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));

        var clock = Stopwatch.StartNew();
        var status = source.Read(frame, out _);

        Assert.Equal(FrameReadStatus.TimedOut, status);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 280, 1500);
    }

    [RequiresGStreamerFact]
    public void Source_that_never_gives_a_frame_fails_to_open_within_the_open_timeout_naming_it()
    {
        const string launch = "videotestsrc is-live=true ! valve drop=true ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink";
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<GStreamerException>(() => GstFrameSource.Open(launch, "silent", new GstFrameSourceOptions { OpenTimeout = TimeSpan.FromMilliseconds(500) }));

        Assert.Equal("source 'silent' gave no frame within 0.5 s", e.Message);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 450, 3000);
    }

    [RequiresGStreamerFact]
    public void Bad_pipeline_is_one_line_error_naming_the_source_and_the_missing_element()
    {
        var e = Assert.Throws<GStreamerException>(() => GstFrameSource.Open("videotestsrc ! nosuchelement ! appsink name=sink", "gst://broken", TestSources.Quick));

        Assert.StartsWith("source 'gst://broken': bad pipeline:", e.Message, StringComparison.Ordinal);
        Assert.Contains("nosuchelement", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RequiresGStreamerFact]
    public void Pipeline_without_an_appsink_named_sink_is_rejected()
    {
        var e = Assert.Throws<GStreamerException>(() => GstFrameSource.Open("videotestsrc ! fakesink name=sink", "gst://nosink", TestSources.Quick));

        Assert.Equal("source 'gst://nosink': the pipeline has no appsink named 'sink'", e.Message);
    }

    [RequiresGStreamerFact]
    public void Pipeline_error_while_starting_names_the_source_and_the_element()
    {
        const string launch = "filesrc location=/nonexistent/clip.avi ! decodebin ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink";

        var e = Assert.Throws<GStreamerException>(() => GstFrameSource.Open(launch, "/nonexistent/clip.avi", TestSources.Quick));

        Assert.StartsWith("source '/nonexistent/clip.avi' failed: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("filesrc", e.Message, StringComparison.Ordinal);
    }

    [RequiresGStreamerFact]
    public void Unreachable_rtsp_server_error_never_shows_the_password()
    {
        var options = TestSources.Quick with { OpenTimeout = TimeSpan.FromSeconds(8) };
        var warnings = new List<string>();

        var e = Assert.Throws<GStreamerException>(() => TestSources.Open("rtsp://admin:hunter2@127.0.0.1:9/live", options: options with { Warn = warnings.Add }));

        Assert.Contains("source 'rtsp://***@127.0.0.1:9/live'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.DoesNotContain("hunter2", w, StringComparison.Ordinal));
    }

    [RequiresGStreamerFact]
    public void End_of_a_source_that_never_ends_by_itself_is_a_failure_naming_it()
    {
        const string launch = "videotestsrc num-buffers=2 ! video/x-raw,width=8,height=8 ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink sync=false";
        using var source = GstFrameSource.Open(launch, "rtsp://u:secret@cam/live", TestSources.Quick, endIsFailure: true);
        var frame = new byte[source.Format.TightBytes];
        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));

        var e = Assert.Throws<GStreamerException>(() => source.Read(frame, out _));

        Assert.Equal("source 'rtsp://***@cam/live' failed: the stream ended", e.Message);
    }

    [RequiresGStreamerFact]
    public void Frame_format_other_than_bgr_or_nv12_is_refused_naming_it()
    {
        const string launch = "videotestsrc ! video/x-raw,format=RGB,width=8,height=8 ! appsink name=sink";

        var e = Assert.Throws<GStreamerException>(() => GstFrameSource.Open(launch, "rgb", TestSources.Quick));

        Assert.Equal("source 'rgb' hands over format RGB; EdgePose reads video/x-raw BGR or NV12", e.Message);
    }

    [RequiresGStreamerFact]
    public void Destination_too_small_for_the_frame_is_refused()
    {
        using var source = TestSources.Open("test://?width=16&height=16&live=false&frames=1");

        Assert.Throws<ArgumentException>(() => source.Read(new byte[(16 * 16 * 3) - 1], out _));
    }

    [RequiresFileFact(Vtest)]
    public void Video_file_decodes_every_frame_at_768x576()
    {
        using var source = TestSources.Open(Vtest);
        var frame = new byte[source.Format.TightBytes];

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out var stamp));
            Assert.Equal(i, stamp.Sequence);
        }

        Assert.Equal(new VideoFrameFormat(768, 576, FramePixelFormat.Bgr), source.Format);
        var mean = frame.Average(b => (double)b);
        Assert.InRange(mean, 40, 220);
        Assert.True(frame.Distinct().Count() > 100, "a street scene has many grey levels");
    }

    [RequiresGStreamerTheory]
    [InlineData(33, 25)]
    [InlineData(2, 2)]
    [InlineData(638, 479)]
    public void Nv12_of_odd_size_keeps_luma_and_chroma_planes_apart(int width, int height)
    {
        using var source = TestSources.Open($"test://white?width={width}&height={height}&live=false&frames=1", FramePixelFormat.Nv12);
        var frame = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        var stride = source.Format.MinStride;
        Assert.Equal(((width + 1) & ~1) * (height + ((height + 1) / 2)), frame.Length);
        for (var y = 0; y < height; y++)
        {
            Assert.All(frame.AsSpan(y * stride, width).ToArray(), v => Assert.InRange(v, 230, 255));
        }

        Assert.All(frame[(stride * height)..], uv => Assert.InRange(uv, 120, 136));
    }

    [RequiresGStreamerFact]
    public void Frame_size_change_mid_stream_is_reported_before_the_frame_of_the_new_size()
    {
        // concat plays two test sources one after the other: 32x24, then 64x48.
        const string launch = "concat name=c ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink sync=false "
            + "videotestsrc pattern=red num-buffers=2 ! video/x-raw,width=32,height=24 ! c. "
            + "videotestsrc pattern=blue num-buffers=2 ! video/x-raw,width=64,height=48 ! c.";
        using var source = GstFrameSource.Open(launch, "two sizes", TestSources.Quick);
        var small = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(small, out _));
        Assert.Equal(FrameReadStatus.Frame, source.Read(small, out _));
        Assert.Equal(FrameReadStatus.FormatChanged, source.Read(small, out _));
        Assert.Equal(new VideoFrameFormat(64, 48, FramePixelFormat.Bgr), source.Format);
        var large = new byte[source.Format.TightBytes];
        Assert.Equal(FrameReadStatus.Frame, source.Read(large, out var stamp));
        Assert.Equal(2, stamp.Sequence);
        AssertEveryPixel(large, 64 * 3, 64, 48, 255, 0, 0);
        Assert.Equal(FrameReadStatus.Frame, source.Read(large, out _));
        Assert.Equal(FrameReadStatus.EndOfStream, source.Read(large, out _));
    }

    [RequiresGStreamerTheory]
    [InlineData(FramePixelFormat.Bgr)]
    [InlineData(FramePixelFormat.Nv12)]
    public void Steady_state_reads_allocate_nothing(FramePixelFormat format)
    {
        using var source = TestSources.Open("test://smpte?width=64&height=48&live=false", format);
        var frame = new byte[source.Format.TightBytes];
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        }

        var allocated = SteadyAllocation.Least(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                source.Read(frame, out _);
            }
        });
        Assert.Equal(0, allocated);
        Assert.Equal(220, source.FramesRead);
    }

    private static void AssertEveryPixel(byte[] frame, int stride, int width, int height, int b, int g, int r)
    {
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * stride) + (x * 3);
                if (Math.Abs(frame[i] - b) > 6 || Math.Abs(frame[i + 1] - g) > 6 || Math.Abs(frame[i + 2] - r) > 6)
                {
                    Assert.Fail($"pixel ({x},{y}) is ({frame[i]},{frame[i + 1]},{frame[i + 2]}), expected about ({b},{g},{r})");
                }
            }
        }
    }
}
