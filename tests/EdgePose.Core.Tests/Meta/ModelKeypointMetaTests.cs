using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Meta;

public class ModelKeypointMetaTests
{
    [Fact]
    public void Model_with_17_keypoints_and_no_names_gets_coco17()
    {
        var m = ModelKeypointMeta.Resolve(17, 3, ModelMetadata.Empty);
        Assert.Equal("coco17", m.DatasetName);
        Assert.Equal(19, m.Skeleton.Count);
    }

    [Fact]
    public void Keypoint_names_from_the_model_metadata_are_used()
    {
        var metadata = UltralyticsMetadataParser.Parse(
            new Dictionary<string, string> { ["kpt_shape"] = "[3, 2]", ["kpt_names"] = "{0: ['tip', 'joint', 'base']}" }, "m.onnx");
        var m = ModelKeypointMeta.Resolve(3, 2, metadata);
        Assert.Equal(["tip", "joint", "base"], m.KeypointNames);
        Assert.Equal(2, m.Dims);
    }

    [Fact]
    public void Meta_file_gives_names_skeleton_and_sigmas()
    {
        const string yaml = "kpt_shape: [2, 3]\nkeypoint_names: [a, b]\nflip_idx: [1, 0]\nskeleton: [[0, 1]]";
        var m = ModelKeypointMeta.Resolve(2, 3, ModelMetadata.Empty, yaml, "tool.yaml");
        Assert.Equal(["a", "b"], m.KeypointNames);
        Assert.Single(m.Skeleton);
    }

    [Fact]
    public void Meta_file_for_another_keypoint_count_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => ModelKeypointMeta.Resolve(17, 3, ModelMetadata.Empty, "kpt_shape: [8, 3]", "dog.yaml"));
        Assert.Equal("dog.yaml: 8 keypoints, but the model predicts 17 (kpt_shape differs)", e.Message);
    }

    [Fact]
    public void Malformed_kpt_names_metadata_is_rejected_naming_the_key()
    {
        var e = Assert.Throws<FormatException>(() => UltralyticsMetadataParser.Parse(new Dictionary<string, string> { ["kpt_names"] = "{0: 5}" }, "m.onnx"));
        Assert.Contains("'kpt_names'", e.Message, StringComparison.Ordinal);
    }
}
