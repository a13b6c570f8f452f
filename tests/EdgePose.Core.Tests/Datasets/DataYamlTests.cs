using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Meta;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Datasets;

public class DataYamlTests
{
    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Coco8_pose_yaml_reads_its_splits_shape_flip_and_names_with_key_lines()
    {
        var path = TestPaths.Shared("data", "coco8-pose", "coco8-pose.yaml");
        var y = DataYamlReader.Parse(File.ReadAllText(path), path);
        Assert.Null(y.RootPath);
        Assert.Equal(["images/train"], y.Train);
        Assert.Equal(["images/val"], y.Val);
        Assert.Empty(y.Test);
        Assert.Equal([17, 3], y.KptShape);
        Assert.Equal(KeypointMeta.Coco17.FlipIndex, y.FlipIdx);
        Assert.Equal(["person"], y.Names);
        Assert.Equal(18, y.LineOf("flip_idx"));
    }

    [Fact]
    public void Written_data_yaml_reads_back_as_the_same_meta_and_names()
    {
        var meta = LabelmeSamples.Meta;
        var text = DataYamlWriter.Write(meta, ["cat", "yes", "it's"], new Dictionary<string, string> { ["train"] = "images/train", ["val"] = "images/val" }, ["made by a test"]);
        var back = KeypointMetaYaml.Parse(text, "data.yaml");
        Assert.Equal(meta.KeypointNames, back.KeypointNames);
        Assert.Equal(meta.FlipIndex, back.FlipIndex);
        Assert.Equal(meta.Sigmas, back.Sigmas);
        Assert.Equal(meta.Skeleton, back.Skeleton);
        Assert.Equal(meta.KeypointColors, back.KeypointColors);
        Assert.Equal(meta.DatasetName, back.DatasetName);
        var y = DataYamlReader.Parse(text, "data.yaml");
        Assert.Equal(["cat", "yes", "it's"], y.Names);
        Assert.Equal(["images/train"], y.Train);
        Assert.Equal([8, 3], y.KptShape);
    }

    [Theory]
    [InlineData("names: {0: a, 2: b}", "data.yaml:1: 'names' class indices must be 0..1 without gaps")]
    [InlineData("names: {0: a, x: b}", "data.yaml:1: 'names' key 'x' is not a new class index")]
    [InlineData("kpt_shape: 17", "data.yaml:1: 'kpt_shape' must be a list")]
    [InlineData("flip_idx: [0, a]", "data.yaml:1: 'flip_idx' entry 'a' is not an integer")]
    [InlineData("train: [", "data.yaml:2: invalid YAML")]
    public void Malformed_keys_are_rejected_with_file_and_line(string yaml, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DataYamlReader.Parse(yaml, "data.yaml"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keypoint_keys_read_the_same_in_a_data_yaml_as_in_a_keypoint_meta_file()
    {
        const string text = "kpt_shape: [3, 2]\nflip_idx: [0, 2, 1]\nkpt_names:\n  0: [tip, left, right]\n";
        var y = DataYamlReader.Parse(text, "data.yaml");
        var m = KeypointMetaYaml.Parse(text, "data.yaml");
        Assert.Equal([3, 2], y.KptShape);
        Assert.Equal(m.FlipIndex, y.FlipIdx);
        Assert.Equal(m.KeypointNames, y.KeypointNames);
    }

    [Fact]
    public void Malformed_kpt_names_is_rejected_with_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => DataYamlReader.Parse("kpt_shape: [3, 2]\nkpt_names: {0: tip}", "data.yaml"));
        Assert.Equal("data.yaml:2: 'kpt_names' must be a list or a mapping of class to list", e.Message);
    }
}
