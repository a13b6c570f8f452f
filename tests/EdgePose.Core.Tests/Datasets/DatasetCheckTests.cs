using EdgePose.Core.Datasets.Checks;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Tests.Datasets;

public class DatasetCheckTests
{
    private const string GoodYaml = """
        train: images/train
        val: images/train
        kpt_shape: [3, 3]
        flip_idx: [1, 0, 2]
        names: {0: cat}
        keypoint_names: [left_eye, right_eye, nose]
        """;

    private static DatasetCheckReport Run(string yaml, Dictionary<string, string> labels, params CheckedImage[] images) =>
        DatasetCheck.Run(new DatasetCheckInput { Yaml = DataYamlReader.Parse(yaml, "data.yaml"), Images = images, Labels = labels });

    private static CheckedImage Img(string split, string name, string digest = "") =>
        new(split, $"images/{split}/{name}", digest.Length > 0 ? digest : name);

    [Fact]
    public void A_clean_set_has_no_findings_and_a_summary()
    {
        var r = Run(GoodYaml, new() { ["labels/train/a.txt"] = "0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0\n0 0.2 0.2 0.1 0.1 0.2 0.2 2 0.21 0.2 2 0.2 0.22 2\n" }, Img("train", "a.jpg"));
        Assert.Empty(r.Findings);
        Assert.Equal(1, r.Summary.Images);
        Assert.Equal(2, r.Summary.InstancesPerClass[0]);
        Assert.Equal(5, r.Summary.LabelledKeypointsPerClass[0]);
        Assert.Equal([1, 1, 4], r.Summary.VisibilityHistogram);
        Assert.Equal([2, 2, 1], r.Summary.LabelledPerKeypoint);
    }

    [Theory]
    [InlineData("0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1", 2, CheckSeverity.Error, "11 values, expected 14 (5 + 3 × 3 for kpt_shape [3, 3])")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.4 0.4 2 1.6 0.4 1 0 0 0", 2, CheckSeverity.Error, "keypoint 1 'right_eye' at (1.6, 0.4) is outside [0, 1]")]
    [InlineData("0 1.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0", 2, CheckSeverity.Error, "box values outside [0, 1]: cx=1.5")]
    [InlineData("1 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0", 2, CheckSeverity.Error, "class 1 is not in names (0..0)")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 3", 2, CheckSeverity.Error, "keypoint 2 visibility '3' is not 0, 1 or 2")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0", 2, CheckSeverity.Warning, "duplicate of line 1")]
    [InlineData("0 0.5 0.5 0.2 0.2 0.4 0.4 2 0.7 0.4 2 0 0 0", 2, CheckSeverity.Warning, "visible keypoint 1 'right_eye' lies outside its box by 50% of the box size (margin 10%)")]
    public void Each_label_fault_is_reported_with_its_line(string line, int lineNumber, CheckSeverity severity, string message)
    {
        var text = "0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0\n" + line + "\n";
        var r = Run(GoodYaml, new() { ["labels/train/a.txt"] = text }, Img("train", "a.jpg"));
        Assert.Contains(new CheckFinding(severity, "labels/train/a.txt", lineNumber, message), r.Findings);
    }

    [Fact]
    public void Two_dims_labels_count_every_point_visible_and_read_coordinates_0_and_1_as_coordinates()
    {
        var yaml = GoodYaml.Replace("[3, 3]", "[3, 2]", StringComparison.Ordinal);
        var r = Run(yaml, new() { ["labels/train/a.txt"] = "0 0.5 0.5 1 1 0 0 1 1 0.5 0.5\n0 0.5 0.5 1 1 0 0 1 1 0.5 0.5 2\n" }, Img("train", "a.jpg"));
        Assert.Equal(new CheckFinding(CheckSeverity.Error, "labels/train/a.txt", 2, "12 values, expected 11 (5 + 3 × 2 for kpt_shape [3, 2])"), Assert.Single(r.Findings));
        Assert.Equal([0, 0, 3], r.Summary.VisibilityHistogram);
    }

    [Fact]
    public void Hidden_keypoints_get_the_wider_margin()
    {
        var r = Run(GoodYaml, new() { ["labels/train/a.txt"] = "0 0.5 0.5 0.2 0.2 0.4 0.4 2 0.7 0.4 1 0 0 0\n" }, Img("train", "a.jpg"));
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void Pairs_orphans_empty_files_and_duplicates_are_reported_by_file()
    {
        var r = Run(
            GoodYaml,
            new() { ["labels/train/a.txt"] = "", ["labels/train/orphan.txt"] = "0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0" },
            Img("train", "a.jpg", "same"),
            Img("train", "b.jpg"),
            Img("train", "c.jpg", "same"),
            Img("val", "d.jpg", "same"));
        Assert.Contains(new CheckFinding(CheckSeverity.Warning, "labels/train/a.txt", null, "empty label file: the image is used as a background (no objects)"), r.Findings);
        Assert.Contains(new CheckFinding(CheckSeverity.Warning, "images/train/b.jpg", null, "no label file labels/train/b.txt: the image is used as a background (no objects)"), r.Findings);
        Assert.Contains(new CheckFinding(CheckSeverity.Error, "labels/train/orphan.txt", null, "label file has no image (looked for the same name with an image extension under images/)"), r.Findings);
        Assert.Contains(new CheckFinding(CheckSeverity.Warning, "images/train/c.jpg", null, "duplicate image: same bytes as images/train/a.jpg"), r.Findings);
        Assert.Contains(new CheckFinding(CheckSeverity.Error, "images/val/d.jpg", null, "duplicate image: same bytes as images/train/a.jpg in train, so val sees train data"), r.Findings);
        Assert.Equal(4, r.Summary.BackgroundImages);
    }

    [Theory]
    [InlineData("flip_idx: [1, 1, 2]", "flip_idx is not a permutation: 1 appears twice and 0 never")]
    [InlineData("flip_idx: [1, 2, 0]", "flip_idx is not symmetric: 0 → 1 but 1 → 2")]
    [InlineData("flip_idx: [1, 0]", "flip_idx has 2 entries for 3 keypoints")]
    [InlineData("flip_idx: [0, 1, 2]", "flip_idx maps keypoint 0 'left_eye' to 0 'left_eye', but its mirror is 'right_eye'")]
    public void A_bad_flip_index_is_reported_at_its_line(string flip, string message)
    {
        var yaml = GoodYaml.Replace("flip_idx: [1, 0, 2]", flip, StringComparison.Ordinal);
        var r = Run(yaml, []);
        Assert.Contains(new CheckFinding(CheckSeverity.Error, "data.yaml", 4, message), r.Findings);
    }

    [Fact]
    public void A_bad_kpt_shape_stops_label_checks_and_is_reported_at_its_line()
    {
        var r = Run(GoodYaml.Replace("[3, 3]", "[3, 4]", StringComparison.Ordinal), new() { ["labels/train/a.txt"] = "garbage" }, Img("train", "a.jpg"));
        Assert.Equal(new CheckFinding(CheckSeverity.Error, "data.yaml", 3, "kpt_shape [3, 4] must be [K, D] with K > 0 and D = 2 (x, y) or 3 (x, y, visibility)"), r.Findings.Single());
        Assert.Equal("data.yaml:3: error: kpt_shape [3, 4] must be [K, D] with K > 0 and D = 2 (x, y) or 3 (x, y, visibility)", r.Findings[0].ToString());
    }

    [Fact]
    public void A_split_the_yaml_names_that_holds_no_images_is_an_error_at_its_line()
    {
        var r = Run("train: images/train\nval: images/val\nkpt_shape: [3, 3]\nnames:\n  0: person\n", new() { ["labels/train/a.txt"] = "0 0.5 0.5 0.5 0.5 0.4 0.4 2 0.6 0.4 1 0 0 0\n" }, Img("train", "a.jpg"));
        Assert.Contains(new CheckFinding(CheckSeverity.Error, "data.yaml", 2, "the val split (images/val) holds no images"), r.Findings);
    }

    [Fact]
    public void A_data_set_without_any_image_is_an_error_for_every_split()
    {
        var r = Run("train: images/train\nval: images/train\nkpt_shape: [3, 3]\nnames:\n  0: person\n", []);
        Assert.Equal(2, r.Findings.Count(f => f.Severity == CheckSeverity.Error && f.Message.EndsWith("holds no images", StringComparison.Ordinal)));
    }
}
