using EdgePose.Cli;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Val;

/// <summary>Every bad input of `edgepose val` ends in one error line naming what is wrong, and exit code 2.</summary>
public sealed class ValBadInputTests : IDisposable
{
    private const string NoModel = "/nonexistent/m.onnx";
    private const string Person17 = """{"id": 1, "name": "person", "keypoints": ["nose","left_eye","right_eye","left_ear","right_ear","left_shoulder","right_shoulder","left_elbow","right_elbow","left_wrist","right_wrist","left_hip","right_hip","left_knee","right_knee","left_ankle","right_ankle"]}""";

    private readonly string _dir = TestPaths.NewTempDir("edgepose-val-bad");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Missing_data_file_is_rejected_naming_it()
    {
        var r = await Val(NoModel, "/nonexistent/person_keypoints_val2017.json");
        AssertBadInput(r, "data file '/nonexistent/person_keypoints_val2017.json' not found");
    }

    [Fact]
    public async Task Json_whose_categories_name_no_keypoints_is_rejected()
    {
        var json = WriteCocoJson("""{"id": 1, "name": "person"}""", images: 0);
        var r = await Val(NoModel, json);
        AssertBadInput(r, "no category names keypoints (categories: 1 'person')");
    }

    [Fact]
    public async Task Image_ids_whose_files_do_not_exist_are_rejected_naming_the_first()
    {
        var json = WriteCocoJson(Person17, images: 3);
        var r = await Val(NoModel, json);
        AssertBadInput(r, "3 of 3 images have no file under");
        Assert.Contains("image id 1: ", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_without_an_images_folder_beside_it_is_rejected_pointing_to_the_images_option()
    {
        var json = WriteCocoJson(Person17, images: 1, makeImagesFolder: false);
        var r = await Val(NoModel, json);
        AssertBadInput(r, "no images folder for split 'val2017'");
        Assert.Contains("--images", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_yaml_without_a_val_split_is_rejected()
    {
        var yaml = Path.Combine(_dir, "data.yaml");
        File.WriteAllText(yaml, "train: images/train\nkpt_shape: [17, 3]\nnames:\n  0: person\n");
        var r = await Val(NoModel, yaml);
        AssertBadInput(r, "no val split");
    }

    [Fact]
    public async Task Data_of_unknown_type_is_rejected()
    {
        var data = Path.Combine(_dir, "labels.csv");
        File.WriteAllText(data, "x\n");
        var r = await Val(NoModel, data);
        AssertBadInput(r, "unknown type '.csv'");
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Data_yaml_whose_kpt_shape_differs_from_the_model_is_rejected()
    {
        var images = Path.Combine(_dir, "images", "val");
        var labels = Path.Combine(_dir, "labels", "val");
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(labels);
        File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg"), Path.Combine(images, "a.jpg"));
        File.WriteAllText(Path.Combine(labels, "a.txt"), "0 0.5 0.5 0.2 0.4 0.5 0.4 2 0.45 0.5 2 0.55 0.5 2 0.5 0.6 2 0.5 0.7 2\n");
        var yaml = Path.Combine(_dir, "hand.yaml");
        File.WriteAllText(yaml, "val: images/val\nkpt_shape: [5, 3]\nflip_idx: [0, 2, 1, 4, 3]\nnames:\n  0: hand\n");

        var r = await Val(TestPaths.FloatHeadModel, yaml);

        AssertBadInput(r, "kpt_shape [5, 3] of the data");
        Assert.Contains("differs from the model's kpt_shape [17, 3]", r.ErrorLines[0], StringComparison.Ordinal);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public async Task Coco_json_with_another_keypoint_count_than_the_model_is_rejected()
    {
        var json = WriteCocoJson("""{"id": 1, "name": "hand", "keypoints": ["a", "b", "c"]}""", images: 1);
        File.Copy(Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg"), Path.Combine(_dir, "images", "val2017", "1.jpg"));

        var r = await Val(TestPaths.FloatHeadModel, json);

        AssertBadInput(r, "has 3 keypoints per object, but the model's kpt_shape is [17, 3]");
    }

    [Fact]
    public async Task Model_and_compare_together_or_neither_are_rejected()
    {
        var json = WriteCocoJson(Person17, images: 0);
        AssertBadInput(await CliRun.InProcess("val", "--data", json, "--out", _dir), "no model: give --model M, or --compare A B");
        AssertBadInput(await CliRun.InProcess("val", "--model", "a.onnx", "--compare", "a.onnx", "b.onnx", "--data", json, "--out", _dir), "either --model or --compare");
    }

    [Fact]
    public async Task Compare_with_one_model_is_rejected()
    {
        var r = await CliRun.InProcess("val", "--compare", "a.onnx", "--data", "d.json", "--out", _dir);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.NotEmpty(r.ErrorLines);
    }

    [Fact]
    public async Task Images_folder_option_with_a_data_yaml_is_rejected()
    {
        var yaml = Path.Combine(_dir, "data.yaml");
        File.WriteAllText(yaml, "val: images/val\nkpt_shape: [17, 3]\nnames:\n  0: person\n");
        var r = await CliRun.InProcess("val", "--model", NoModel, "--data", yaml, "--images", _dir, "--out", _dir);
        AssertBadInput(r, "--images is for a COCO json");
    }

    [Theory]
    [InlineData("--conf", "1.5", "conf 1.5 is outside 0..1")]
    [InlineData("--iou", "2", "iou 2 is outside 0..1")]
    [InlineData("--max-det", "0", "max-det 0 must be between 1 and 30000")]
    public async Task Option_out_of_range_is_rejected(string option, string value, string expected)
    {
        var r = await CliRun.InProcess("val", "--model", NoModel, "--data", "d.json", "--out", _dir, option, value);
        AssertBadInput(r, expected);
    }

    private Task<CliRun> Val(string model, string data) => CliRun.InProcess("val", "--model", model, "--data", data, "--out", Path.Combine(_dir, "out"));

    /// <summary>annotations/person_keypoints_val2017.json with the given category and images 1..n (files 1.jpg..), no annotations.</summary>
    private string WriteCocoJson(string category, int images, bool makeImagesFolder = true)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "annotations"));
        if (makeImagesFolder)
        {
            Directory.CreateDirectory(Path.Combine(_dir, "images", "val2017"));
        }

        var list = string.Join(", ", Enumerable.Range(1, images).Select(i => $$"""{"id": {{i}}, "file_name": "{{i}}.jpg", "width": 640, "height": 480}"""));
        var path = Path.Combine(_dir, "annotations", "person_keypoints_val2017.json");
        File.WriteAllText(path, $$"""{"images": [{{list}}], "annotations": [], "categories": [{{category}}]}""");
        return path;
    }

    private static void AssertBadInput(CliRun r, string expected)
    {
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        var errors = r.ErrorLines;
        Assert.Single(errors);
        Assert.Contains(expected, errors[0], StringComparison.Ordinal);
    }
}
