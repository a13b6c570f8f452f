using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Models;

public class UltralyticsMetadataParserTests
{
    /// <summary>metadata_props as Ultralytics 8.4 writes them into a YOLO11n-pose ONNX export.</summary>
    private static Dictionary<string, string> PoseProps() => new()
    {
        ["description"] = "Ultralytics YOLO11n-pose model trained on coco-pose.yaml",
        ["author"] = "Ultralytics",
        ["version"] = "8.4.75",
        ["stride"] = "32",
        ["task"] = "pose",
        ["batch"] = "1",
        ["imgsz"] = "[640, 640]",
        ["names"] = "{0: 'person'}",
        ["args"] = "{'batch': 1, 'half': False, 'int8': True, 'dynamic': False, 'nms': False}",
        ["channels"] = "3",
        ["end2end"] = "False",
        ["kpt_shape"] = "[17, 3]",
    };

    private static Dictionary<string, string> With(string key, string? value)
    {
        var props = PoseProps();
        if (value is null)
        {
            props.Remove(key);
        }
        else
        {
            props[key] = value;
        }

        return props;
    }

    [Fact]
    public void Pose_export_props_fill_every_field_and_keep_the_raw_text()
    {
        var props = PoseProps();

        var m = UltralyticsMetadataParser.Parse(props, "m.onnx");

        CocoPoseMetadataAssert.FillsEveryField(m);
        Assert.Equal(props, m.Raw);
        Assert.Equal(props.Keys, m.Raw.Keys);
    }

    [Fact]
    public void Absent_keys_give_null_fields_not_defaults()
    {
        var m = UltralyticsMetadataParser.Parse(new Dictionary<string, string> { ["author"] = "someone" }, "m.onnx");

        Assert.Null(m.Task);
        Assert.Null(m.KeypointCount);
        Assert.Null(m.KeypointDims);
        Assert.Empty(m.Names);
        Assert.Null(m.Stride);
        Assert.Null(m.ImageSize);
        Assert.Null(m.EndToEnd);
        Assert.Null(m.Batch);
        Assert.Equal("someone", m.Raw["author"]);
    }

    [Theory]
    [InlineData("[8, 16, 32]", 32)]
    [InlineData("[32, 16, 8]", 32)]
    [InlineData("(8, 16, 32, 64)", 64)]
    [InlineData("32.0", 32)]
    public void Stride_list_gives_the_largest_stride(string stride, int expected) =>
        Assert.Equal(expected, UltralyticsMetadataParser.Parse(With("stride", stride), "m.onnx").Stride);

    [Theory]
    [InlineData("[480, 640]", 480, 640)]
    [InlineData("(384, 640)", 384, 640)]
    [InlineData("640", 640, 640)]
    [InlineData("[320]", 320, 320)]
    public void Image_size_is_height_then_width_or_one_square_size(string imgsz, int height, int width) =>
        Assert.Equal((height, width), UltralyticsMetadataParser.Parse(With("imgsz", imgsz), "m.onnx").ImageSize);

    [Fact]
    public void Two_value_keypoints_are_read()
    {
        var m = UltralyticsMetadataParser.Parse(With("kpt_shape", "[5, 2]"), "m.onnx");

        Assert.Equal(5, m.KeypointCount);
        Assert.Equal(2, m.KeypointDims);
    }

    [Fact]
    public void Names_as_a_list_are_numbered_from_zero()
    {
        var m = UltralyticsMetadataParser.Parse(With("names", "['person', 'dog']"), "m.onnx");

        Assert.Equal(new Dictionary<int, string> { [0] = "person", [1] = "dog" }, m.Names);
    }

    [Fact]
    public void Names_with_string_index_keys_are_read_like_ultralytics_does()
    {
        var m = UltralyticsMetadataParser.Parse(With("names", "{'1': 'dog', '0': 'person'}"), "m.onnx");

        Assert.Equal(new Dictionary<int, string> { [0] = "person", [1] = "dog" }, m.Names);
    }

    [Theory]
    [InlineData("True", "{'nms': False}", true)]
    [InlineData("False", "{'nms': True}", true)]
    [InlineData(null, "{'nms': True}", true)]
    [InlineData("False", "{'nms': False}", false)]
    [InlineData("False", null, false)]
    [InlineData(null, "{'nms': False}", null)]
    [InlineData(null, "{'batch': 1}", null)]
    [InlineData(null, null, null)]
    public void End_to_end_when_end2end_or_args_nms_is_true_like_ultralytics_autobackend(string? end2end, string? args, bool? expected)
    {
        var props = With("end2end", end2end);
        if (args is null)
        {
            props.Remove("args");
        }
        else
        {
            props["args"] = args;
        }

        Assert.Equal(expected, UltralyticsMetadataParser.Parse(props, "m.onnx").EndToEnd);
    }

    [Theory]
    [InlineData("kpt_shape", "[17]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "[17, 4]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "[0, 3]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "[17.5, 3]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "17", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("names", "'person'", "is not a {index: name} dict or a list of names")]
    [InlineData("names", "{0: 'person', 2: 'dog'}", "has class indices that are not 0..1")]
    [InlineData("names", "{-1: 'person'}", "has a key that is not a class index (-1)")]
    [InlineData("names", "{'a': 'person'}", "has a key that is not a class index (a)")]
    [InlineData("names", "{0: 7}", "has a name that is not a string (index 0)")]
    [InlineData("names", "['person', None]", "has a name that is not a string (index 1)")]
    [InlineData("names", "{0: 'person'", "is not a Python literal (unexpected end of text, expected ',' or '}' at position 12)")]
    [InlineData("imgsz", "[640, 640, 3]", "is not [height, width] or a single size")]
    [InlineData("imgsz", "[-640, 640]", "is not [height, width] or a single size")]
    [InlineData("imgsz", "'640'", "is not [height, width] or a single size")]
    [InlineData("stride", "0", "is not a positive int or a list of them")]
    [InlineData("stride", "[8, 'x']", "is not a positive int or a list of them")]
    [InlineData("stride", "[]", "is not a positive int or a list of them")]
    [InlineData("batch", "-1", "is not a positive int")]
    [InlineData("batch", "True", "is not a positive int")]
    [InlineData("end2end", "1", "is not True or False")]
    [InlineData("end2end", "false", "is not a Python literal (unexpected name 'false' (only True, False and None are literals) at position 0)")]
    [InlineData("args", "[1]", "is not a dict")]
    [InlineData("args", "{'nms': 'yes'}", "has an nms value that is not True or False")]
    [InlineData("task", "", "is empty")]
    public void Malformed_value_is_rejected_naming_source_key_and_value(string key, string value, string problem)
    {
        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.Parse(With(key, value), "model.onnx"));

        Assert.Equal($"model.onnx: metadata '{key}' = '{value}' {problem}", e.Message);
    }

    [Fact]
    public void Malformed_value_shown_in_the_message_stays_on_one_line_and_short()
    {
        var value = "[17,\n" + new string(' ', 200) + "3, 4]";

        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.Parse(With("kpt_shape", value), "m.onnx"));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("m.onnx: metadata 'kpt_shape' = '[17,\\n   ", e.Message);
        Assert.Contains("...' is not [K, D]", e.Message);
    }
}
