using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Models;

public class UltralyticsEngineMetadataJsonTests
{
    /// <summary>
    /// The JSON Ultralytics writes before the serialized engine in a .engine file: json.dumps of the exporter's
    /// metadata dict, so int dict keys became strings, True/None became true/null.
    /// </summary>
    private static readonly string PoseEngineHeader = """
        {"description": "Ultralytics YOLO11n-pose model trained on /ultralytics/ultralytics/cfg/datasets/coco-pose.yaml",
         "author": "Ultralytics", "date": "2025-06-23T20:47:36.898049", "version": "8.3.155",
         "license": "AGPL-3.0 License (https://ultralytics.com/license)", "docs": "https://docs.ultralytics.com",
         "stride": 32, "task": "pose", "batch": 1, "imgsz": [640, 640], "names": {"0": "person"},
         "args": {"batch": 1, "fraction": 1.0, "half": true, "int8": false, "dynamic": false, "simplify": true, "workspace": null, "nms": false},
         "channels": 3, "end2end": false, "kpt_shape": [17, 3]}
        """.ReplaceLineEndings("");

    [Fact]
    public void Pose_engine_header_fills_every_field()
    {
        var m = UltralyticsMetadataParser.ParseJson(PoseEngineHeader, "yolo11n-pose.engine");

        CocoPoseMetadataAssert.FillsEveryField(m);
    }

    [Fact]
    public void Raw_keeps_strings_as_text_and_other_values_as_their_json_in_file_order()
    {
        var m = UltralyticsMetadataParser.ParseJson(PoseEngineHeader, "yolo11n-pose.engine");

        Assert.Equal("Ultralytics", m.Raw["author"]);
        Assert.Equal("pose", m.Raw["task"]);
        Assert.Equal("[17, 3]", m.Raw["kpt_shape"]);
        Assert.Equal("""{"0": "person"}""", m.Raw["names"]);
        Assert.Equal("description", m.Raw.Keys.First());
        Assert.Equal("kpt_shape", m.Raw.Keys.Last());
    }

    [Fact]
    public void Nms_export_engine_is_end_to_end()
    {
        var json = PoseEngineHeader.Replace("\"nms\": false", "\"nms\": true", StringComparison.Ordinal);

        Assert.True(UltralyticsMetadataParser.ParseJson(json, "e.engine").EndToEnd);
    }

    [Fact]
    public void Multi_class_names_and_a_stride_list_are_read()
    {
        const string json = """{"task": "detect", "stride": [8, 16, 32], "imgsz": 640, "names": {"0": "person", "1": "rider's \"bike\""}}""";

        var m = UltralyticsMetadataParser.ParseJson(json, "e.engine");

        Assert.Equal("detect", m.Task);
        Assert.Equal(32, m.Stride);
        Assert.Equal((640, 640), m.ImageSize);
        Assert.Equal("rider's \"bike\"", m.Names[1]);
        Assert.Null(m.KeypointCount);
    }

    [Fact]
    public void Invalid_json_is_rejected_naming_the_source()
    {
        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.ParseJson("{\"task\": \"pose\"", "e.engine"));

        Assert.StartsWith("e.engine: model metadata is not valid JSON (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Json_that_is_not_an_object_is_rejected()
    {
        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.ParseJson("[17, 3]", "e.engine"));

        Assert.Equal("e.engine: model metadata is JSON Array, not an object", e.Message);
    }

    [Theory]
    [InlineData("kpt_shape", "[17]", "[17]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("kpt_shape", "\"[17, 3]\"", "[17, 3]", "is not [K, D] (K keypoints, D = 2 or 3 values each)")]
    [InlineData("names", "{\"x\": \"person\"}", "{\"x\": \"person\"}", "has a key that is not a class index (x)")]
    [InlineData("imgsz", "[640, 0]", "[640, 0]", "is not [height, width] or a single size")]
    [InlineData("end2end", "\"False\"", "False", "is not True or False")]
    [InlineData("task", "7", "7", "is not a string")]
    [InlineData("stride", "1e400", "1e400", "is not a positive int or a list of them")]
    public void Malformed_value_is_rejected_naming_source_and_key(string key, string json, string shown, string problem)
    {
        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.ParseJson($"{{\"{key}\": {json}}}", "e.engine"));

        Assert.Equal($"e.engine: metadata '{key}' = '{shown}' {problem}", e.Message);
    }
}
