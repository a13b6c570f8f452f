using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Engines;
using EdgePose.Host.Preview;
using EdgePose.Host.Tests.Support;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Preview;

/// <summary>
/// The index page in a real browser (headless chromium): a screenshot with several sources streaming must show
/// each source's frames in the page, not a blank or broken page.
/// </summary>
public sealed class PreviewBrowserTests
{
    private const int Width = 1280;
    private const int Height = 800;

    /// <summary>The colour of the bars <see cref="Fit"/> adds around an image of another shape.</summary>
    private static readonly Vec3b s_bar = new(41, 42, 43);

    [RequiresChromiumFact]
    public async Task Page_shows_every_source_streaming_in_a_browser()
    {
        using var door = PreviewFeeder.TestImage(640, 480);
        using var yard = PreviewFeeder.TestImage(1280, 720);
        Cv2.Flip(yard, yard, FlipMode.Y);
        using var down = new Mat();
        await using var preview = await PreviewTestServer.StartAsync(new PreviewOptions { Port = 0, MaxFps = 15 }, [("door", door), ("yard", yard), ("gate", down)]);
        var frames = await SnapshotsAsync(preview.Client, "door", "yard");
        string png = Path.Combine(TestPaths.NewTempDir("edgepose-preview"), "preview.png");

        HeadlessChromium.Screenshot(preview.Server.Url, png, Width, Height, TimeSpan.FromSeconds(3));

        using var shot = ImageCodec.Read(png);
        AssertShowsFrames(shot, frames);
        foreach (var f in frames)
        {
            f.Dispose();
        }
    }

    /// <summary>
    /// The real thing: a <see cref="PosePipeline"/> with the model running on coco8-pose images as two live
    /// cameras, and a third camera that refuses connections (shown reconnecting, with its error). Set
    /// EDGEPOSE_PREVIEW_SCREENSHOT to a path to keep the screenshot (docs/images/preview.png comes from it).
    /// </summary>
    [RequiresChromiumFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose/images")]
    public async Task Page_shows_a_live_pipeline_with_real_poses_in_a_browser()
    {
        // The landscape ones (the view is 4:3), shared out between two cameras.
        var images = Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(p => Fit(p, 640, 480)).Where(m => m.Get<Vec3b>(240, 0) != s_bar).ToArray();
        var cameras = new Dictionary<string, Mat[]>
        {
            ["entrance"] = [.. images.Where((_, i) => i % 2 == 0)],
            ["platform"] = [.. images.Where((_, i) => i % 2 == 1)],
        };
        var sources = PreviewFeeder.LiveSources("entrance", "platform", "car-park");
        using var engine = EngineFactory.Open(TestPaths.FloatHeadModel, new EngineOptions { Threads = 2 });
        var model = new PoseModel(engine, new PredictorOptions(), "yolo11n-pose");
        using var resizer = new OpenCvBgrResizer();
        await using var preview = await PreviewServer.StartAsync(
            new PreviewOptions { Port = 0, MaxFps = 10 }, sources, KeypointMeta.Coco17, new Dictionary<int, string> { [0] = "person" }, null, CancellationToken.None);
        var options = new PipelineOptions { Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2) } };
        using var pipeline = new PosePipeline(model, resizer, new ImageLoopReaders(cameras, fps: 4, framesPerImage: 1000), sources, [preview.Sink], options, NullLogger.Instance);
        preview.AttachStats(pipeline.Stats);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = preview.Url, Timeout = TimeSpan.FromSeconds(30) };
            // The model loads and warms up first: wait for each camera's first preview frame.
            var until = DateTime.UtcNow.AddSeconds(90);
            while (pipeline.Stats.Sources[0].Inferred < 2 || pipeline.Stats.Sources[1].Inferred < 2)
            {
                Assert.False(running.IsCompleted, "the pipeline stopped before inferring: " + running.Exception?.Message);
                Assert.True(DateTime.UtcNow < until, "no inference within 90 s");
                await Task.Delay(100);
            }

            var frames = await SnapshotsAsync(client, "entrance", "platform");
            await Task.Delay(1500);
            string png = Environment.GetEnvironmentVariable("EDGEPOSE_PREVIEW_SCREENSHOT") is { Length: > 0 } keep
                ? Path.GetFullPath(keep)
                : Path.Combine(TestPaths.NewTempDir("edgepose-preview"), "preview.png");

            HeadlessChromium.Screenshot(preview.Url, png, Width, Height, TimeSpan.FromSeconds(3));

            using var shot = ImageCodec.Read(png);
            AssertShowsFrames(shot, frames);
            Assert.True(pipeline.Stats.Sources[0].Persons > 0, "the model found nobody in the coco8-pose images");
            Assert.Equal(SourceState.Reconnecting, pipeline.Stats.Sources[2].State);
            using var status = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("status"));
            var states = status.RootElement.GetProperty("sources").EnumerateArray().Select(e => e.GetProperty("state").GetString() ?? "").ToArray();
            Assert.Equal(new[] { "live", "live", "reconnecting" }, states);
            Assert.Equal("source 'car-park': connection refused", status.RootElement.GetProperty("sources")[2].GetProperty("error").GetString());
            foreach (var f in frames)
            {
                f.Dispose();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await running;
            foreach (var m in images)
            {
                m.Dispose();
            }
        }
    }

    /// <summary>The screenshot is not blank, and each source's current frame appears in it (found by template matching at the page's scale).</summary>
    private static void AssertShowsFrames(Mat shot, IReadOnlyList<Mat> frames)
    {
        Assert.Equal((Width, Height), (shot.Cols, shot.Rows));
        Cv2.MeanStdDev(shot, out _, out var spread);
        Assert.True(spread.Val0 + spread.Val1 + spread.Val2 > 30, $"the screenshot is nearly uniform (stddev {spread.Val0:0.0})");
        for (int i = 0; i < frames.Count; i++)
        {
            double best = BestMatch(shot, frames[i]);
            Assert.True(best > 0.8, $"source {i}'s frame is not in the screenshot (best match {best:0.00})");
        }
    }

    /// <summary>The best normalised correlation of <paramref name="frame"/>, scaled to the widths a card shows it at in a 1280-pixel window (about 400), anywhere in <paramref name="shot"/>.</summary>
    private static double BestMatch(Mat shot, Mat frame)
    {
        double best = -1;
        for (int w = 390; w <= 410; w++)
        {
            int h = (int)Math.Round((double)frame.Rows * w / frame.Cols);
            if (h >= shot.Rows)
            {
                break;
            }

            using var small = new Mat();
            Cv2.Resize(frame, small, new Size(w, h), 0, 0, InterpolationFlags.Area);
            using var score = new Mat();
            Cv2.MatchTemplate(shot, small, score, TemplateMatchModes.CCoeffNormed);
            Cv2.MinMaxLoc(score, out _, out double max);
            best = Math.Max(best, max);
        }

        return best;
    }

    private static async Task<List<Mat>> SnapshotsAsync(HttpClient client, params string[] ids)
    {
        var frames = new List<Mat>();
        foreach (var id in ids)
        {
            frames.Add(ImageCodec.Decode(await client.GetByteArrayAsync($"snapshot/{id}.jpg"), id));
        }

        return frames;
    }

    /// <summary>The image at <paramref name="path"/> letterboxed (grey bars) into <paramref name="width"/> x <paramref name="height"/>.</summary>
    private static Mat Fit(string path, int width, int height)
    {
        using var image = ImageCodec.Read(path);
        double scale = Math.Min((double)width / image.Cols, (double)height / image.Rows);
        int w = (int)Math.Round(image.Cols * scale), h = (int)Math.Round(image.Rows * scale);
        var canvas = new Mat(height, width, MatType.CV_8UC3, new Scalar(s_bar.Item0, s_bar.Item1, s_bar.Item2));
        using var roi = new Mat(canvas, new Rect((width - w) / 2, (height - h) / 2, w, h));
        Cv2.Resize(image, roi, new Size(w, h));
        return canvas;
    }
}
