using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Commands;

/// <summary>`edgepose predict` on sources read through GStreamer: test patterns, pipelines, cameras, unknown schemes.</summary>
public sealed class PredictStreamTests : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";

    private readonly string _out = TestPaths.NewTempDir("edgepose-predict-stream");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [RequiresGStreamerFact(Model)]
    public async Task Test_pattern_with_max_frames_writes_one_json_line_per_frame_and_a_video()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", "test://ball?width=320&height=240", "--out", _out, "--max-frames", "3");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("3 frames", r.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(_out, "stream.jsonl"));
        Assert.Equal(3, lines.Length);
        var frames = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([0, 1, 2], frames.Select(f => (int)f.GetProperty("frame").GetInt64()));
        Assert.All(frames, f => Assert.Equal((320, 240), (f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32())));
        Assert.True(new FileInfo(Path.Combine(_out, "stream.avi")).Length > 0);
    }

    [RequiresGStreamerFact(Model)]
    public async Task Raw_pipeline_that_ends_gives_its_frames_and_stops()
    {
        const string pipeline = "gst://videotestsrc num-buffers=4 ! video/x-raw,width=64,height=48 ! videoconvert ! video/x-raw,format=BGR ! appsink name=sink sync=false";

        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", pipeline, "--out", _out, "--no-images");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_out, "stream.jsonl")).Length);
    }

    [RequiresGStreamerFact(Model)]
    public async Task Stalled_stream_ends_with_an_error_naming_it_and_keeps_the_frames_before()
    {
        // One frame every 10 s: the first arrives, the second not within the 5 s read timeout.
        const string pipeline = "gst://videotestsrc is-live=true ! video/x-raw,width=64,height=48,framerate=1/10";

        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", pipeline, "--out", _out, "--no-images");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal($"error: source '{pipeline}' stalled: no frame within 5 s", r.ErrorLines[0]);
        Assert.Single(File.ReadAllLines(Path.Combine(_out, "stream.jsonl")));
    }

    [Theory]
    [InlineData("v4l2:///dev/video9", "camera '/dev/video9' not found")]
    [InlineData("9", "camera '/dev/video9' not found")]
    [InlineData("foo://bar", "unknown source scheme 'foo'")]
    [InlineData("test://?colour=red", "unknown option 'colour'")]
    public async Task Bad_stream_source_is_one_line_error_naming_it(string source, string expected)
    {
        var r = await CliRun.InProcess("predict", "--model", "/nonexistent/m.onnx", "--source", source, "--out", _out);

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains(expected, r.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("not found: /nonexistent/m.onnx", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresGStreamerFact(Model)]
    public async Task Bad_pipeline_is_one_line_error_naming_the_element()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", "gst://videotestsrc ! nosuchelement", "--out", _out);

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.StartsWith("error: source 'gst://videotestsrc ! nosuchelement': bad pipeline:", r.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("nosuchelement", r.ErrorLines[0], StringComparison.Ordinal);
    }
}
