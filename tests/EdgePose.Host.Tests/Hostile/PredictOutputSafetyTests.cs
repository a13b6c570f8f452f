using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Hostile;

/// <summary>`predict` never replaces a user's file and never writes silently into a folder that holds files (issue 9, classes 1, 2 and 4).</summary>
public sealed class PredictOutputSafetyTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-predict-safety");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(params string[] parts) => Path.Combine([_dir, .. parts]);

    /// <summary>A labelme-style folder: two images, each with a .json of the same stem that is the user's annotation.</summary>
    private string LabelmeFolder()
    {
        var folder = At("labelme");
        Directory.CreateDirectory(folder);
        foreach (var stem in new[] { "000000000136", "000000000151" })
        {
            File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", stem + ".jpg"), Path.Combine(folder, stem + ".jpg"));
            File.WriteAllText(Path.Combine(folder, stem + ".json"), """{"version": "5.4.1", "shapes": []}""");
        }

        return folder;
    }

    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Predict_over_a_labelme_folder_into_itself_keeps_its_json_files()
    {
        var folder = LabelmeFolder();
        var before = Snapshot(folder);

        var forced = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", folder, "--exist-ok", "--no-images");
        Assert.Equal(ExitCodes.BadInput, forced.ExitCode);
        Assert.Contains("is the folder of the input", forced.ErrorLines[0], StringComparison.Ordinal);

        var plain = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", folder, "--no-images");
        Assert.Equal(ExitCodes.Ok, plain.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder + "2", "000000000136.json")));
        Assert.Equal(before, Snapshot(folder));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Out_that_is_a_link_to_the_source_folder_never_replaces_a_photo()
    {
        var folder = LabelmeFolder();
        var before = Snapshot(folder);
        File.CreateSymbolicLink(At("link"), folder);

        var forced = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("link"), "--exist-ok");
        Assert.Equal(ExitCodes.BadInput, forced.ExitCode);

        var linkedSource = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", At("link"), "-o", folder, "--exist-ok");
        Assert.Equal(ExitCodes.BadInput, linkedSource.ExitCode);
        Assert.Equal(before, Snapshot(folder));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Out_holding_a_link_named_like_an_output_onto_a_source_photo_is_refused()
    {
        var folder = LabelmeFolder();
        var before = Snapshot(folder);
        Directory.CreateDirectory(At("out"));
        File.CreateSymbolicLink(At("out", "000000000136.jpg"), Path.Combine(folder, "000000000151.jpg"));

        var r = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("out"), "--exist-ok");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("would replace a source file", r.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Rerun_to_the_same_out_goes_to_a_numbered_folder_and_keeps_the_first_run()
    {
        var folder = LabelmeFolder();
        var first = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("runs", "predict"), "--no-images");
        var firstFiles = Snapshot(At("runs", "predict"));
        File.WriteAllText(At("runs", "predict", "notes.txt"), "mine");
        var second = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("runs", "predict"), "--no-images");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, second.ExitCode));
        Assert.Contains("wrote " + At("runs", "predict2"), second.Stdout, StringComparison.Ordinal);
        Assert.Equal(firstFiles.Count + 1, Snapshot(At("runs", "predict")).Count);
        Assert.Equal(2, Directory.GetFiles(At("runs", "predict2")).Length);
        Assert.Empty(Directory.GetFiles(At("runs", "predict2"), ".*"));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Image_of_one_by_five_thousand_pixels_is_predicted_and_the_rest_of_the_folder_too()
    {
        var folder = At("thin");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg"), Path.Combine(folder, "b.jpg"));
        foreach (var (name, w, h) in new[] { ("a.png", 1, 5000), ("c.png", 5000, 1), ("d.png", 1, 1) })
        {
            using var img = new OpenCvSharp.Mat(h, w, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0));
            Native.OpenCv.ImageCodec.Write(Path.Combine(folder, name), img);
        }

        var r = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("out"));

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("4 frames", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, Directory.GetFiles(At("out")).Length);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Failure_of_one_item_of_a_folder_is_that_items_alone()
    {
        var folder = At("mixed");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg"), Path.Combine(folder, "b.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "a.jpg"), []);
        File.CreateSymbolicLink(Path.Combine(folder, "c.png"), "/dev/zero");
        Directory.CreateDirectory(Path.Combine(folder, "d.jpg"));

        var r = await CliRun.InProcess("predict", "-m", TestPaths.FloatHeadModel, "-s", folder, "-o", At("out"));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("1 frames, 2 detections, 2 failed", r.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(At("out", "b.json")));
    }
}
