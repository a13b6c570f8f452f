using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Commands;

/// <summary>predict over a folder and a video in real batches (--batch), and the --provider option.</summary>
public sealed class PredictBatchTests : IDisposable
{
    private const string Vtest = TestPaths.SampleVideo;
    private readonly string _dir = TestPaths.NewTempDir("edgepose-predict-batch");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Val => Path.Combine(TestPaths.Coco8Pose, "images", "val");

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Folder_in_batches_of_three_writes_what_single_images_write()
    {
        var model = DynamicBatchOnnx.Save(TestPaths.FloatHeadModel, _dir);
        var single = Path.Combine(_dir, "single");
        var batched = Path.Combine(_dir, "batched");

        var a = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", Val, "--out", single, "--no-images");
        var b = await CliRun.InProcess("predict", "--model", model, "--source", Val, "--out", batched, "--no-images", "--batch", "3");

        Assert.Equal(ExitCodes.Ok, b.ExitCode);
        Assert.Contains("4 frames, 16 detections, 0 failed", a.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 frames, 16 detections, 0 failed", b.Stdout, StringComparison.Ordinal); // a batch of 3, then of 1
        foreach (var json in Directory.GetFiles(single, "*.json"))
        {
            var other = Path.Combine(batched, Path.GetFileName(json));
            Assert.Equal(Detections(json), Detections(other));
        }
    }

    [RequiresFileFact(Vtest, "models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Video_in_batches_of_four_keeps_one_line_per_frame_in_order()
    {
        var model = DynamicBatchOnnx.Save(TestPaths.FloatHeadModel, _dir);

        var output = Path.Combine(_dir, "out");

        var r = await CliRun.InProcess("predict", "--model", model, "--source", Vtest, "--out", output, "--max-frames", "6", "--batch", "4", "--no-images");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "vtest.jsonl"));
        Assert.Equal(6, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Contains($"\"frame\":{i}", lines[i], StringComparison.Ordinal);
        }
    }

    [RequiresFileFact(Vtest, "models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Video_with_track_gives_persons_ids_that_last_across_frames()
    {
        var output = Path.Combine(_dir, "tracked");

        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", Vtest, "--out", output, "--max-frames", "20", "--conf", "0.1", "--track", "--no-images");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var ids = File.ReadAllLines(Path.Combine(output, "vtest.jsonl"))
            .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, "\"track_id\":(\\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(ids);
        Assert.True(ids.Count > ids.Distinct().Count() * 3, $"{ids.Count} tracked detections over {ids.Distinct().Count()} ids: ids do not last");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Provider_missing_from_the_onnx_runtime_build_is_rejected_naming_the_available_ones()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", Val, "--out", _dir, "--provider", "cuda");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("execution provider 'cuda' is not in this ONNX Runtime build", r.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("available: cpu", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Batch_below_one_is_rejected()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", Val, "--out", _dir, "--batch", "0");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("--batch 0 must be at least 1", r.ErrorLines[0], StringComparison.Ordinal);
    }

    /// <summary>The detections array of a prediction JSON, as text.</summary>
    private static string Detections(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.GetProperty("detections").GetRawText();
    }
}
