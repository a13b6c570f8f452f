using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Commands;

public sealed class PredictCommandTests : IDisposable
{
    private readonly string _out = TestPaths.NewTempDir("edgepose-predict");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>The output folder, apart from the inputs that tests write into <see cref="_out"/>.</summary>
    private string Out => Path.Combine(_out, "o");

    private static string Val => Path.Combine(TestPaths.Coco8Pose, "images", "val");

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Folder_of_images_gives_json_and_annotated_image_per_image()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", Val, "--out", Out);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("4 frames, 16 detections, 0 failed", r.Stdout, StringComparison.Ordinal);
        foreach (var stem in new[] { "000000000110", "000000000113", "000000000136", "000000000151" })
        {
            Assert.True(File.Exists(Path.Combine(Out, stem + ".jpg")), stem + ".jpg");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "000000000110.json")));
        var dets = doc.RootElement.GetProperty("detections");
        Assert.Equal(9, dets.GetArrayLength());
        Assert.Equal((640, 480), (doc.RootElement.GetProperty("width").GetInt32(), doc.RootElement.GetProperty("height").GetInt32()));
        var first = dets[0];
        Assert.Equal("person", first.GetProperty("class_name").GetString());
        Assert.Equal(4, first.GetProperty("box_xyxy").GetArrayLength());
        var kps = first.GetProperty("keypoints");
        Assert.Equal(17, kps.GetArrayLength());
        Assert.Equal("nose", kps[0].GetProperty("name").GetString());
        Assert.Equal("right_ankle", kps[16].GetProperty("name").GetString());
    }

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx", "data/coco8-pose")]
    public async Task Genuine_int8_export_loads_and_finds_nothing_because_its_head_rounds_scores_to_zero()
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.GenuineInt8Model, "--source", Val, "--out", Out, "--no-images");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("4 frames, 0 detections, 0 failed", r.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "000000000110.json")));
        Assert.Equal(0, doc.RootElement.GetProperty("detections").GetArrayLength());
    }

    private const string Vtest = TestPaths.SampleVideo;

    [RequiresFileFact(Vtest, "models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Video_gives_one_json_line_per_frame_and_an_annotated_video()
    {
        const string video = Vtest;
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", video, "--out", Out, "--max-frames", "14");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(Out, "vtest.jsonl"));
        Assert.Equal(14, lines.Length);
        var frames = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(Enumerable.Range(0, 14), frames.Select(f => (int)f.GetProperty("frame").GetInt64()));
        Assert.All(frames, f => Assert.Equal(768, f.GetProperty("width").GetInt32()));
        Assert.True(frames.Sum(f => f.GetProperty("detections").GetArrayLength()) > 0, "the nano INT8 model finds pedestrians in the first frames");
        Assert.True(new FileInfo(Path.Combine(Out, "vtest.avi")).Length > 0);
    }

    [Fact]
    public async Task Missing_model_is_one_line_error_naming_the_file()
    {
        var r = await CliRun.InProcess("predict", "--model", "/nonexistent/m.onnx", "--source", WriteImage(), "--out", Out);
        AssertBadInput(r, "model file '/nonexistent/m.onnx' not found");
    }

    [Fact]
    public async Task File_that_is_not_onnx_is_rejected_naming_the_file()
    {
        var model = Path.Combine(_out, "notes.onnx");
        File.WriteAllText(model, "this is not a model\n");
        var image = WriteImage();
        var r = await CliRun.InProcess("predict", "--model", model, "--source", image, "--out", Out);
        AssertBadInput(r, model);
    }

    [Fact]
    public async Task Onnx_with_an_unsupported_output_shape_is_rejected()
    {
        var model = Path.Combine(_out, "relu.onnx");
        File.WriteAllBytes(model, OnnxBytes.Tiny().Metadata("kpt_shape", "[17, 3]").Metadata("stride", "32").ToBytes());
        var r = await CliRun.InProcess("predict", "--model", model, "--source", WriteImage(), "--out", Out);
        AssertBadInput(r, "unsupported output shape");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Unreadable_image_is_rejected_naming_the_image()
    {
        var bad = Path.Combine(_out, "broken.jpg");
        File.WriteAllBytes(bad, [0xFF, 0xD8, 0xFF, 0x00, 0x13, 0x37]);
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", bad, "--out", Path.Combine(_out, "o"));
        AssertBadInput(r, "broken.jpg");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Unreadable_image_in_a_folder_is_reported_and_the_others_are_still_processed()
    {
        var folder = Path.Combine(_out, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Val, "000000000136.jpg"), Path.Combine(folder, "a.jpg"));
        File.WriteAllText(Path.Combine(folder, "b.jpg"), "not a jpeg");
        var outDir = Path.Combine(_out, "o");
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", folder, "--out", outDir);

        AssertBadInput(r, "b.jpg");
        Assert.True(File.Exists(Path.Combine(outDir, "a.json")));
        Assert.Contains("1 frames, 2 detections, 1 failed", r.Stdout, StringComparison.Ordinal);
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx")]
    [InlineData("650", "imgsz 650 is not a positive multiple of the model stride 32")]
    [InlineData("320", "imgsz 320 does not match the fixed input 640x640")]
    public async Task Image_size_that_the_model_cannot_take_is_rejected(string imgsz, string expected)
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", WriteImage(), "--out", Out, "--imgsz", imgsz);
        AssertBadInput(r, expected);
    }

    [RequiresSharedTheory("models/yolo11n-pose_int8_floathead.onnx")]
    [InlineData("--conf", "1.5", "conf 1.5 is outside 0..1")]
    [InlineData("--iou", "-0.1", "iou -0.1 is outside 0..1")]
    [InlineData("--max-det", "0", "max-det 0 must be between 1 and 30000")]
    [InlineData("--image-format", "gif", "image format 'gif' is not jpg or png")]
    public async Task Option_out_of_range_is_rejected(string option, string value, string expected)
    {
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", WriteImage(), "--out", Out, option, value);
        AssertBadInput(r, expected);
    }

    [WithoutTensorRtFact]
    public async Task Engine_file_on_a_machine_without_tensorrt_is_rejected_saying_so()
    {
        var engine = Path.Combine(_out, "m.engine");
        File.WriteAllBytes(engine, [1, 2, 3, 4]);
        var r = await CliRun.InProcess("predict", "--model", engine, "--source", WriteImage(), "--out", Out);
        AssertBadInput(r, "TensorRT was not found on this machine");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Output_folder_that_would_overwrite_a_source_image_is_refused_and_the_image_kept()
    {
        var image = Path.Combine(_out, "photo.jpg");
        using (var img = new OpenCvSharp.Mat(48, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0)))
        {
            Native.OpenCv.ImageCodec.Write(image, img);
        }

        var before = File.ReadAllBytes(image);
        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", _out, "--out", _out, "--exist-ok");

        AssertBadInput(r, "is the folder of the input");
        Assert.Equal(before, File.ReadAllBytes(image));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public async Task Sources_sharing_a_name_are_refused_before_their_outputs_collide()
    {
        var folder = Path.Combine(_out, "in");
        Directory.CreateDirectory(folder);
        using (var img = new OpenCvSharp.Mat(48, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0)))
        {
            Native.OpenCv.ImageCodec.Write(Path.Combine(folder, "a.jpg"), img);
            Native.OpenCv.ImageCodec.Write(Path.Combine(folder, "a.png"), img);
        }

        var r = await CliRun.InProcess("predict", "--model", TestPaths.FloatHeadModel, "--source", folder, "--out", Path.Combine(_out, "o"));
        AssertBadInput(r, "share the name 'a'");
    }

    [Fact]
    public async Task Missing_source_is_rejected_naming_it()
    {
        var r = await CliRun.InProcess("predict", "--model", "/nonexistent/m.onnx", "--source", "/nonexistent/pics", "--out", Out);
        AssertBadInput(r, "source '/nonexistent/pics' not found");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Missing_onnx_runtime_library_is_rejected_naming_the_path_and_the_fix()
    {
        var env = new Dictionary<string, string> { ["EDGEPOSE_ORT_LIBRARY"] = "/nonexistent/libonnxruntime.so" };
        var r = CliRun.Process(env, "predict", "--model", TestPaths.FloatHeadModel, "--source", WriteImage(), "--out", Out);
        AssertBadInput(r, "/nonexistent/libonnxruntime.so");
        Assert.Contains("EDGEPOSE_ORT_LIBRARY", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Video_that_cannot_be_opened_gives_one_error_line_without_native_noise_unless_verbose()
    {
        var clip = Path.Combine(_out, "clip.mp4");
        File.WriteAllText(clip, "not a video\n");
        var none = new Dictionary<string, string>();

        var quiet = CliRun.Process(none, "predict", "--model", TestPaths.FloatHeadModel, "--source", clip, "--out", Path.Combine(_out, "q"));
        AssertBadInput(quiet, $"cannot open video '{clip}'");
        var lines = (quiet.Stdout + quiet.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains("moov atom", StringComparison.Ordinal) || l.Contains("[ WARN", StringComparison.Ordinal));

        // --verbose lets OpenCV's FFmpeg backend say why (FFmpeg: "moov atom not found").
        var verbose = CliRun.Process(none, "predict", "--model", TestPaths.FloatHeadModel, "--source", clip, "--out", Path.Combine(_out, "v"), "--verbose");
        AssertBadInput(verbose, $"cannot open video '{clip}'");
        Assert.Contains("moov atom not found", verbose.Stdout + verbose.Stderr, StringComparison.Ordinal);
    }

    private string WriteImage()
    {
        var path = Path.Combine(_out, "grey.png");
        using var img = new OpenCvSharp.Mat(48, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0));
        Native.OpenCv.ImageCodec.Write(path, img);
        return path;
    }

    private static void AssertBadInput(CliRun r, string expected)
    {
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        var errors = r.ErrorLines;
        Assert.NotEmpty(errors);
        Assert.Contains(expected, errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', errors[0].TrimEnd('\r'));
    }
}
