using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Meta;

public class KeypointMetaTests
{
    [Fact]
    public void Coco17_has_17_named_keypoints_with_symmetric_flip_and_coco_sigmas()
    {
        var m = KeypointMeta.Coco17;
        Assert.Equal(17, m.KeypointCount);
        Assert.Equal("nose", m.KeypointNames[0]);
        Assert.Equal("right_ankle", m.KeypointNames[16]);
        Assert.Equal([0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15], m.FlipIndex);
        Assert.Equal(0.026, m.Sigmas[0]);
        Assert.Equal(0.089, m.Sigmas[16]);
        Assert.Equal(19, m.Skeleton.Count);
        Assert.Equal(new SkeletonLink(15, 13, new Rgb(51, 153, 255)), m.Skeleton[0]);
    }

    [Fact]
    public void Unknown_keypoint_count_gets_uniform_sigmas_identity_flip_and_no_skeleton()
    {
        var m = KeypointMeta.ForKeypointCount(8, 2);
        Assert.Equal(8, m.KeypointCount);
        Assert.Equal(2, m.Dims);
        Assert.All(m.Sigmas, s => Assert.Equal(1.0 / 8, s));
        Assert.Equal(Enumerable.Range(0, 8), m.FlipIndex);
        Assert.Empty(m.Skeleton);
    }

    [Fact]
    public void Ultralytics_data_yaml_gives_coco17_meta_with_its_flip_idx()
    {
        const string yaml = """
            path: ../datasets/coco8-pose
            train: images/train
            kpt_shape: [17, 3]
            flip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]
            names:
              0: person
            """;
        var m = KeypointMetaYaml.Parse(yaml);
        Assert.Equal(17, m.KeypointCount);
        Assert.Equal("left_eye", m.KeypointNames[1]);
        Assert.Equal(19, m.Skeleton.Count);
    }

    [Fact]
    public void Custom_meta_yaml_with_names_skeleton_and_sigmas_is_read_as_data()
    {
        const string yaml = """
            dataset_name: pliers
            kpt_shape: [4, 3]
            keypoint_names: [tip_left, tip_right, handle_left, handle_right]
            flip_idx: [1, 0, 3, 2]
            sigmas: [0.05, 0.05, 0.08, 0.08]
            skeleton: [[0, 2], [1, 3]]
            link_colors: [[255, 0, 0], [0, 0, 255]]
            """;
        var m = KeypointMetaYaml.Parse(yaml, "pliers.yaml");
        Assert.Equal("pliers", m.DatasetName);
        Assert.Equal(["tip_left", "tip_right", "handle_left", "handle_right"], m.KeypointNames);
        Assert.Equal(new SkeletonLink(1, 3, new Rgb(0, 0, 255)), m.Skeleton[1]);
        Assert.Equal(0.08, m.Sigmas[3]);
    }

    [Theory]
    [InlineData("kpt_shape: [4, 3]\nflip_idx: [0, 0, 2, 3]", "flip_idx is not a permutation")]
    [InlineData("kpt_shape: [4, 3]\nflip_idx: [1, 2, 3, 0]", "flip_idx is not symmetric")]
    [InlineData("kpt_shape: [4, 3]\nflip_idx: [0, 1, 2]", "flip_idx has 3 entries for 4 keypoints")]
    [InlineData("kpt_shape: [4, 5]", "D of 2 or 3")]
    [InlineData("kpt_shape: [4, 3]\nkeypoint_names: [a, b]", "2 keypoint names for kpt_shape K = 4")]
    [InlineData("kpt_shape: [4, 3]\nskeleton: [[0, 9]]", "skeleton link [0, 9] outside 0..3")]
    [InlineData("names: {0: person}", "kpt_shape is missing")]
    [InlineData("kpt_shape: [4, 3]\nflip_idx: [0, x, 2, 3]", "'flip_idx' entry 'x' is not an integer")]
    public void Inconsistent_meta_yaml_is_rejected_with_a_message_naming_the_file_and_fault(string yaml, string expected)
    {
        var e = Assert.Throws<FormatException>(() => KeypointMetaYaml.Parse(yaml, "bad.yaml"));
        Assert.StartsWith("bad.yaml: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_meta_yaml_is_rejected_naming_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => KeypointMetaYaml.Parse("kpt_shape: [4, 3]\nflip_idx: a: b", "bad.yaml"));
        Assert.StartsWith("bad.yaml: invalid YAML: ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_kpt_names_in_meta_yaml_is_rejected_naming_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => KeypointMetaYaml.Parse("kpt_shape: [3, 2]\nkpt_names: {0: tip}", "bad.yaml"));
        Assert.Equal("bad.yaml: 'kpt_names' must be a list or a mapping of class to list (line 2)", e.Message);
    }
}
