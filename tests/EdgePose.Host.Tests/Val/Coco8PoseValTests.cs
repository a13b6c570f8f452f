using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;
using EdgePose.Host.Val;
using EdgePose.Native.OpenCv;

namespace EdgePose.Host.Tests.Val;

/// <summary>`edgepose val` on the Ultralytics data.yaml of coco8-pose (4 val images): plain, with the flip test, and comparing two models.</summary>
public sealed class Coco8PoseValTests : IDisposable
{
    private readonly string _out = TestPaths.NewTempDir("edgepose-val-c8");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Yaml => Path.Combine(TestPaths.Coco8Pose, "coco8-pose.yaml");

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Data_yaml_val_split_is_converted_evaluated_and_the_area_policy_is_stated()
    {
        var r = await CliRun.InProcess("val", "--model", TestPaths.FloatHeadModel, "--data", Yaml, "--out", _out);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("note: ground truth converted from YOLO-pose labels; area = box width × height × 0.53", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 images, ", r.Stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "predictions.json", "metrics.json", "summary.md", "pr_keypoints.png", "keypoint_errors.png" })
        {
            Assert.True(new FileInfo(Path.Combine(_out, f)).Length > 0, f);
        }

        AssertPlot("pr_keypoints.png", ValPlots.PrecisionRecallWidth, ValPlots.PrecisionRecallHeight);
        AssertPlot("keypoint_errors.png", ValPlots.KeypointErrorsWidth, ValPlots.KeypointErrorsHeight(17));

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "metrics.json")));
        var data = metrics.RootElement.GetProperty("data");
        Assert.Equal("Ultralytics data.yaml (val split)", data.GetProperty("format").GetString());
        Assert.Equal(4, data.GetProperty("images").GetInt32());
        Assert.Equal(14, data.GetProperty("annotations").GetInt32());
        Assert.Contains("0.53", data.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.InRange(metrics.RootElement.GetProperty("keypoints").GetProperty("AP").GetDouble(), 0.01, 1);
        Assert.Contains("0.53", File.ReadAllText(Path.Combine(_out, "summary.md")), StringComparison.Ordinal);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "predictions.json")));
        var ids = results.RootElement.EnumerateArray().Select(d => d.GetProperty("image_id").GetInt64()).Distinct().Order();
        Assert.Equal([110L, 113, 136, 151], ids); // numeric file names are the image ids, as Ultralytics' COCO json uses
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Batches_of_three_on_a_dynamic_batch_model_give_the_predictions_of_single_images()
    {
        var model = DynamicBatchOnnx.Save(TestPaths.FloatHeadModel, _out);

        var single = await CliRun.InProcess("val", "--model", TestPaths.FloatHeadModel, "--data", Yaml, "--out", Path.Combine(_out, "single"));
        var batched = await CliRun.InProcess("val", "--model", model, "--data", Yaml, "--out", Path.Combine(_out, "batched"), "--batch", "3");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (single.ExitCode, batched.ExitCode));
        Assert.Equal(
            File.ReadAllText(Path.Combine(_out, "single", "predictions.json")),
            File.ReadAllText(Path.Combine(_out, "batched", "predictions.json")));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Flip_test_merges_both_passes_and_says_so()
    {
        var plain = await CliRun.InProcess("val", "--model", TestPaths.FloatHeadModel, "--data", Yaml, "--out", Path.Combine(_out, "plain"));
        var flip = await CliRun.InProcess("val", "--model", TestPaths.FloatHeadModel, "--data", Yaml, "--out", Path.Combine(_out, "flip"), "--flip");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (plain.ExitCode, flip.ExitCode));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "flip", "metrics.json")));
        Assert.True(metrics.RootElement.GetProperty("settings").GetProperty("flip").GetBoolean());
        Assert.Contains("flip test on", File.ReadAllText(Path.Combine(_out, "flip", "summary.md")), StringComparison.Ordinal);
        // Unpaired detections stay, paired ones are averaged: as many or fewer distinct results, and not the same numbers.
        var a = File.ReadAllText(Path.Combine(_out, "plain", "predictions.json"));
        var b = File.ReadAllText(Path.Combine(_out, "flip", "predictions.json"));
        Assert.Equal(Count(a), Count(b));
        Assert.NotEqual(a, b);
        Assert.InRange(metrics.RootElement.GetProperty("keypoints").GetProperty("AP").GetDouble(), 0.01, 1);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "models/yolo11n-pose_int8.onnx", "data/coco8-pose")]
    public async Task Compare_runs_both_models_and_tabulates_b_minus_a()
    {
        var r = await CliRun.InProcess("val", "--compare", TestPaths.FloatHeadModel, TestPaths.GenuineInt8Model, "--data", Yaml, "--out", _out);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("| metric | A | B | B - A |", r.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_out, "compare.md")));
        Assert.True(File.Exists(Path.Combine(_out, "a", "metrics.json")));
        Assert.True(File.Exists(Path.Combine(_out, "b", "metrics.json")));
        using var compare = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "compare.json")));
        var rows = compare.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(10 + 12 + 2 + 1 + 4, rows.Count);
        var ap = rows.Single(m => m.GetProperty("group").GetString() == "keypoints" && m.GetProperty("name").GetString() == "AP");
        // The genuine export rounds every score to 0: nothing detected, AP 0.
        Assert.Equal(0, ap.GetProperty("b").GetDouble());
        Assert.Equal(-ap.GetProperty("a").GetDouble(), ap.GetProperty("b_minus_a").GetDouble());
        Assert.True(ap.GetProperty("a").GetDouble() > 0);
    }

    private static int Count(string resultsJson) => JsonDocument.Parse(resultsJson).RootElement.GetArrayLength();

    /// <summary>The plot is a PNG of its size with a drawing on it: many colours, and dark title text in its top rows.</summary>
    private void AssertPlot(string name, int width, int height)
    {
        var path = Path.Combine(_out, name);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
        using var image = ImageCodec.Read(path);
        Assert.Equal((width, height), (image.Cols, image.Rows));
        var pixels = image.BgrPixels();
        var colours = new HashSet<int>();
        for (int i = 0; i + 2 < pixels.Length; i += 3)
        {
            colours.Add(pixels[i] | (pixels[i + 1] << 8) | (pixels[i + 2] << 16));
        }

        Assert.True(colours.Count > 50, $"{name}: {colours.Count} colours");
        var title = image.BgrRow(15).ToArray();
        Assert.Contains(title, b => b < 80);
    }
}
