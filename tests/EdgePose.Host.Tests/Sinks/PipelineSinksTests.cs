using System.Text;
using EdgePose.Core.Events;
using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Sources;
using EdgePose.Host.Predict;
using EdgePose.Host.Sinks;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Sinks;

/// <summary>The sinks behind a real pipeline: the shared model on ONNX Runtime, frames of OpenCV's vtest.avi.</summary>
public sealed class PipelineSinksTests : IDisposable
{
    private const string Video = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";
    private const int Frames = 6;
    private readonly string _dir = TestPaths.NewTempDir("edgepose-pipeline-sinks");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFileFact(Video, "models/yolo11n-pose_int8_floathead.onnx")]
    public async Task A_run_writes_a_valid_event_and_an_annotated_video_frame_for_every_frame()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var resizer = new OpenCvBgrResizer();
        var model = new PoseModel(engine, new PredictorOptions(), "yolo11n-pose_int8_floathead");
        var sources = new[] { new PipelineSource(0, "vtest", SourceUri.Parse(Video, FileSystemPaths.Instance), new SourcePipelineOptions()) };
        var events = new PoseEventOptions("test-device", model.Name) { EmptyFrames = EmptyFramePolicy.Always };
        var jsonlPath = Path.Combine(_dir, "poses.jsonl");
        await using var jsonl = new JsonLinesSink(jsonlPath, events);
        await using var video = new AnnotatedVideoSink(Path.Combine(_dir, "{source}.mp4"), KeypointMeta.Coco17, engine.Metadata.Names);
        var options = new PipelineOptions { MaxFramesPerSource = Frames };
        using (var pipeline = new PosePipeline(model, resizer, new VideoFileFrames(Video), sources, [jsonl, video], options, NullLogger.Instance))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await pipeline.RunAsync(timeout.Token);
            Assert.Equal(Frames, pipeline.Stats.Sinks.Single(s => s.Name == "jsonl").Written);
            Assert.Equal(Frames, pipeline.Stats.Sinks.Single(s => s.Name == "video").Written);
        }

        var lines = await File.ReadAllLinesAsync(jsonlPath);
        Assert.Equal(Frames, lines.Length);
        File.Copy(jsonlPath, Path.Combine(Path.GetTempPath(), "edgepose-pipeline-events.jsonl"), overwrite: true);
        int persons = 0, busiest = 0, most = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            PoseEventSchemaCheck.AssertValid(lines[i]);
            var e = PoseEventJson.Parse(Encoding.UTF8.GetBytes(lines[i]), $"line {i + 1}");
            Assert.Equal(("test-device", "vtest", (long)i, 768, 576), (e.Device, e.Source, e.Seq, e.Width, e.Height));
            persons += e.Persons.Count;
            (busiest, most) = e.Persons.Count > most ? (i, e.Persons.Count) : (busiest, most);
            Assert.All(e.Persons, p => Assert.Equal(17, p.Keypoints.Length));
            Assert.True(e.LatencyMs.Inference > 1, $"inference {e.LatencyMs.Inference} ms");
            Assert.True(e.LatencyMs.Total >= e.LatencyMs.Inference, "total below inference");
            Assert.InRange(e.TimeMs, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        // The nano INT8 model finds few of vtest's small pedestrians (predict's test sees the same).
        Assert.True(persons > 0, "no person in any frame");
        using var reader = VideoFileReader.Open(Path.Combine(_dir, "vtest.mp4"));
        using var frame = new Mat();
        int n = 0;
        while (reader.Read(frame))
        {
            // The frame with the most persons, kept in the temp folder for a look at the drawing.
            if (n++ == busiest)
            {
                Cv2.ImWrite(Path.Combine(Path.GetTempPath(), "edgepose-pipeline-video-frame.png"), frame);
            }
        }

        Assert.Equal((Frames, 768, 576), (n, reader.Width, reader.Height));
    }
}
