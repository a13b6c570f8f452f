using EdgePose.Core.Errors;
using EdgePose.Core.Frames;
using EdgePose.Core.Meta;
using EdgePose.Host.Sinks;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Sinks;

public sealed class AnnotatedVideoSinkTests : IDisposable
{
    private static readonly Dictionary<int, string> s_names = new() { [0] = "person" };
    private readonly string _dir = TestPaths.NewTempDir("edgepose-video");
    private readonly SinkFrames _frames = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AnnotatedVideoSink NewSink(string pattern = "{source}.mp4", string fourcc = "mp4v") =>
        new(Path.Combine(_dir, pattern), KeypointMeta.Coco17, s_names, 25, fourcc);

    private async Task WriteAsync(AnnotatedVideoSink sink, string source, int sourceIndex, int count, int width, int height, PixelFormat format = PixelFormat.Bgr24, long firstSequence = 0)
    {
        var s = SinkFrames.Source(sourceIndex, source);
        for (int i = 0; i < count; i++)
        {
            var r = _frames.Make(s, firstSequence + i, width, height, SinkFrames.Person(width, height), format);
            try
            {
                await sink.WriteAsync(r, CancellationToken.None);
            }
            finally
            {
                r.Release();
            }
        }
    }

    /// <summary>Frame count, size and the first frame of a video, read back through OpenCV.</summary>
    private static (int Frames, int Width, int Height, Mat First) ReadBack(string path)
    {
        using var reader = VideoFileReader.Open(path);
        var first = new Mat();
        int n = 0;
        using var frame = new Mat();
        while (reader.Read(n == 0 ? first : frame))
        {
            n++;
        }

        return (n, first.Cols, first.Rows, first);
    }

    [Fact]
    public async Task Frames_are_written_to_one_video_per_source_with_their_count_and_size()
    {
        var sink = NewSink();
        await WriteAsync(sink, "door", 0, 6, 320, 240);
        await WriteAsync(sink, "yard", 1, 4, 160, 128);
        await sink.CompleteAsync(CancellationToken.None);
        await sink.DisposeAsync();

        var door = ReadBack(Path.Combine(_dir, "door.mp4"));
        var yard = ReadBack(Path.Combine(_dir, "yard.mp4"));
        Assert.Equal((6, 320, 240), (door.Frames, door.Width, door.Height));
        Assert.Equal((4, 160, 128), (yard.Frames, yard.Width, yard.Height));
        Assert.Equal([Path.Combine(_dir, "door.mp4"), Path.Combine(_dir, "yard.mp4")], sink.Files.Order());
        Assert.Empty(Directory.GetFiles(_dir, ".*"));
        door.First.Dispose();
        yard.First.Dispose();
    }

    [Fact]
    public async Task The_overlay_is_drawn_on_a_copy_and_the_frame_itself_is_left_as_it_was()
    {
        var sink = NewSink(fourcc: "MJPG", pattern: "{source}.avi");
        var source = SinkFrames.Source(0, "door");
        var r = _frames.Make(source, 0, 320, 240, SinkFrames.Person(320, 240));
        try
        {
            await sink.WriteAsync(r, CancellationToken.None);
            Assert.True(r.Frame!.Pixels.IndexOfAnyExcept(SinkFrames.Grey) < 0, "the shared frame was drawn on");
        }
        finally
        {
            r.Release();
        }

        await sink.CompleteAsync(CancellationToken.None);
        var (_, _, _, first) = ReadBack(Path.Combine(_dir, "door.avi"));
        using (first)
        {
            // Kept in the temp folder for a look at the drawing.
            Cv2.ImWrite(Path.Combine(Path.GetTempPath(), "edgepose-annotated-video-frame.png"), first);
            // The box's top edge (y = 40, x 107..213) is coloured; a corner far from the person stays grey.
            var edge = first.At<Vec3b>(40, 160);
            var corner = first.At<Vec3b>(5, 5);
            Assert.True(Math.Abs(corner.Item0 - SinkFrames.Grey) < 12 && Math.Abs(corner.Item2 - SinkFrames.Grey) < 12, $"corner {corner}");
            Assert.True(Math.Abs(edge.Item0 - edge.Item2) > 60, $"box edge {edge} is not the box colour");
        }
    }

    [Fact]
    public async Task A_frame_size_change_starts_a_new_segment_file()
    {
        var sink = NewSink();
        await WriteAsync(sink, "door", 0, 3, 320, 240);
        await WriteAsync(sink, "door", 0, 2, 256, 144, firstSequence: 3);
        await WriteAsync(sink, "door", 0, 1, 320, 240, firstSequence: 5);
        await sink.CompleteAsync(CancellationToken.None);

        var segments = new[] { "door.mp4", "door.1.mp4", "door.2.mp4" }.Select(f => ReadBack(Path.Combine(_dir, f))).ToList();
        Assert.Equal([(3, 320, 240), (2, 256, 144), (1, 320, 240)], segments.Select(s => (s.Frames, s.Width, s.Height)));
        Assert.Equal(3, sink.Files.Count);
        segments.ForEach(s => s.First.Dispose());
    }

    [Fact]
    public async Task Nv12_frames_are_converted_and_written()
    {
        var sink = NewSink();
        await WriteAsync(sink, "cam", 0, 3, 320, 240, PixelFormat.Nv12);
        await sink.CompleteAsync(CancellationToken.None);
        var (frames, width, height, first) = ReadBack(Path.Combine(_dir, "cam.mp4"));
        using (first)
        {
            Assert.Equal((3, 320, 240), (frames, width, height));
            var corner = first.At<Vec3b>(5, 5);
            Assert.True(Math.Abs(corner.Item1 - SinkFrames.Grey) < 12, $"corner {corner} is not grey");
        }
    }

    [Fact]
    public async Task A_run_cut_short_keeps_what_was_written_when_the_sink_is_disposed()
    {
        var sink = NewSink();
        await WriteAsync(sink, "door", 0, 2, 160, 128);
        await sink.DisposeAsync();
        Assert.Equal(2, ReadBack(Path.Combine(_dir, "door.mp4")).Frames);
    }

    [Fact]
    public void Source_ids_are_made_safe_as_file_names()
    {
        var sink = NewSink();
        Assert.Equal(Path.Combine(_dir, "gate_north.mp4"), sink.PathFor("gate/north"));
        Assert.Equal(Path.Combine(_dir, "_...mp4"), sink.PathFor(".."));
    }

    [Theory]
    [InlineData("video.mp4", "mp4v", "has no {source}")]
    [InlineData("{source}.mp4", "h264x", "codec 'h264x' is not 4 ASCII characters")]
    [InlineData("missing/{source}.mp4", "mp4v", "does not exist")]
    public void Bad_settings_are_one_error_naming_them(string pattern, string fourcc, string says)
    {
        var e = Assert.Throws<InputException>(() => NewSink(pattern, fourcc));
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_source_whose_folder_is_missing_fails_its_writes_naming_the_file()
    {
        var sink = NewSink("{source}/video.mp4");
        var e = await Assert.ThrowsAsync<InputException>(() => WriteAsync(sink, "door", 0, 1, 160, 128));
        Assert.Contains(Path.Combine(_dir, "door", "video.mp4"), e.Message, StringComparison.Ordinal);
        await sink.DisposeAsync();
    }
}
