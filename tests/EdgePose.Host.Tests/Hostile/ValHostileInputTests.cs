using EdgePose.Cli;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Hostile;

/// <summary>`val` rejects ground truth that `data convert` rejects, refuses empty data, and keeps one bad image to itself (issue 9, classes 4 and 6).</summary>
public sealed class ValHostileInputTests : IDisposable
{
    private static readonly string[] Stems = ["000000000136", "000000000151"];

    private readonly string _dir = TestPaths.NewTempDir("edgepose-val-hostile");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(params string[] parts) => Path.Combine([_dir, .. parts]);

    /// <summary>annotations/person_keypoints_val2017.json over two coco8-pose images (copied to images/val2017), one person each.</summary>
    private string WriteJson(Func<int, string?>? bbox = null, Func<int, string?>? keypoints = null, Func<int, (int W, int H)?>? size = null, bool broken = false)
    {
        Directory.CreateDirectory(At("annotations"));
        Directory.CreateDirectory(At("images", "val2017"));
        var images = new List<string>();
        var annotations = new List<string>();
        var names = Stems.ToList();
        if (broken)
        {
            names.Add("broken");
        }

        for (int i = 0; i < names.Count; i++)
        {
            var file = At("images", "val2017", names[i] + ".jpg");
            int w = 640, h = 480;
            if (i < Stems.Length)
            {
                File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", names[i] + ".jpg"), file, overwrite: true);
                using var img = Native.OpenCv.ImageCodec.Read(file);
                (w, h) = (img.Cols, img.Rows);
            }
            else
            {
                File.WriteAllBytes(file, [0xFF, 0xD8, 0xFF, 0x00, 0x13, 0x37]);
            }

            (w, h) = size?.Invoke(i) ?? (w, h);
            images.Add($$"""{"id": {{i + 1}}, "file_name": "{{names[i]}}.jpg", "width": {{w}}, "height": {{h}}}""");
            var kp = keypoints?.Invoke(i) ?? "[" + string.Join(", ", Enumerable.Repeat("0", 51)) + "]";
            annotations.Add($$"""{"id": {{i + 1}}, "image_id": {{i + 1}}, "category_id": 1, "iscrowd": 0, "area": 5000, "bbox": {{bbox?.Invoke(i) ?? "[10, 10, 100, 200]"}}, "num_keypoints": 0, "keypoints": {{kp}}}""");
        }

        var kpNames = string.Join(", ", Enumerable.Range(0, 17).Select(k => $"\"k{k}\""));
        var json = $$"""{"images": [{{string.Join(", ", images)}}], "annotations": [{{string.Join(", ", annotations)}}], "categories": [{"id": 1, "name": "person", "keypoints": [{{kpNames}}], "skeleton": []}]}""";
        var path = At("annotations", "person_keypoints_val2017.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<CliRun> Val(string data) => CliRun.InProcess("val", "-m", TestPaths.FloatHeadModel, "--data", data, "-o", At("out"));

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Negative_bbox_is_rejected_as_data_convert_rejects_it()
    {
        var r = await Val(WriteJson(bbox: i => i == 1 ? "[10, 10, -100, 200]" : "[10, 10, 100, 200]"));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("annotation 2 bbox [10, 10, -100, 200] has a negative", r.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("out")));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Zero_image_size_and_null_keypoints_are_rejected()
    {
        var zero = await Val(WriteJson(size: i => i == 0 ? (0, 480) : null));
        Assert.Contains("has size 0 × 480", zero.ErrorLines[0], StringComparison.Ordinal);

        var nullKeypoints = await Val(WriteJson(keypoints: i => i == 0 ? "null" : null));
        Assert.Contains("has no keypoints (null or missing)", nullKeypoints.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, nullKeypoints.ExitCode);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Json_without_images_is_an_error_not_a_silent_pass()
    {
        Directory.CreateDirectory(At("images", "val2017"));
        Directory.CreateDirectory(At("annotations"));
        var path = At("annotations", "person_keypoints_val2017.json");
        File.WriteAllText(path, """{"images": [], "annotations": [], "categories": [{"id": 1, "name": "person", "keypoints": ["a"]}]}""");
        var r = await Val(path);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("holds no images", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Unreadable_image_is_that_images_failure_alone_and_is_reported()
    {
        var r = await Val(WriteJson(broken: true));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains(r.ErrorLines, l => l.Contains("broken.jpg", StringComparison.Ordinal));
        Assert.Contains(r.ErrorLines, l => l.Contains("1 of 3 images failed", StringComparison.Ordinal));
        using var metrics = JsonDocument.Parse(File.ReadAllText(At("out", "metrics.json")));
        Assert.Contains("images failed", File.ReadAllText(At("out", "summary.md")), StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Out_that_is_the_images_folder_is_refused_and_a_rerun_goes_to_a_numbered_folder()
    {
        var json = WriteJson();
        var intoImages = await CliRun.InProcess("val", "-m", TestPaths.FloatHeadModel, "--data", json, "-o", At("images", "val2017"), "--exist-ok");
        Assert.Equal(ExitCodes.BadInput, intoImages.ExitCode);
        Assert.Contains("is the folder of the input", intoImages.ErrorLines[0], StringComparison.Ordinal);

        var first = await Val(json);
        var metrics = File.ReadAllText(At("out", "metrics.json"));
        var second = await Val(json);
        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, second.ExitCode));
        Assert.True(File.Exists(At("out2", "metrics.json")));
        Assert.Equal(metrics, File.ReadAllText(At("out", "metrics.json")));
    }
}
