using EdgePose.Core.Datasets;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Tests.Datasets;

public class YoloPoseLabelFormatTests
{
    [Fact]
    public void Triples_are_read_by_position_as_x_y_visibility()
    {
        var l = YoloPoseLabelFormat.Parse("1 0.5 0.5 0.2 0.4 0.1 0.2 2 0 0 0\n", 2, 3, "a.txt").Single();
        Assert.Equal(1, l.ClassId);
        Assert.Equal(0.4, l.Height);
        Assert.Equal(new LabelledKeypoint(0.1, 0.2, 2), l.Keypoints[0]);
        Assert.Equal(new LabelledKeypoint(0, 0, 0), l.Keypoints[1]);
    }

    [Fact]
    public void With_two_dims_coordinates_equal_to_0_1_or_2_stay_coordinates_and_every_point_is_labelled()
    {
        // Two keypoints of (x, y): 1 0 and 0 1. A reader that guesses triples from values would take
        // these for visibility flags.
        var l = YoloPoseLabelFormat.Parse("0 0.5 0.5 1 1 1 0 0 1", 2, 2, "a.txt").Single();
        Assert.Equal(new LabelledKeypoint(1, 0, 2), l.Keypoints[0]);
        Assert.Equal(new LabelledKeypoint(0, 1, 2), l.Keypoints[1]);
    }

    [Theory]
    [InlineData("0 0.5 0.5 0.2 0.2 0.1 0.1 2", "a.txt:2: 8 values, expected 11 (5 + 2 × 3 for kpt_shape [2, 3])")]
    [InlineData("0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.3 0.3 5", "a.txt:2: keypoint 1 visibility '5' is not 0, 1 or 2")]
    [InlineData("0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.3 0.3 1.5", "a.txt:2: keypoint 1 visibility '1.5' is not 0, 1 or 2")]
    [InlineData("0 0.5 x 0.2 0.2 0.1 0.1 2 0.3 0.3 1", "a.txt:2: value 3 'x' is not a finite number")]
    [InlineData("0.5 0.5 0.5 0.2 0.2 0.1 0.1 2 0.3 0.3 1", "a.txt:2: class '0.5' is not a non-negative integer")]
    [InlineData("0 0.5 NaN 0.2 0.2 0.1 0.1 2 0.3 0.3 1", "a.txt:2: value 3 'NaN' is not a finite number")]
    public void Malformed_lines_are_rejected_with_file_and_line(string line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => YoloPoseLabelFormat.Parse("\n" + line, 2, 3, "a.txt"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Writing_uses_fixed_decimals_integer_flags_and_no_negative_zero()
    {
        var l = new YoloPoseLabel(3, 0.5, 0.25, 1, 1e-9, [new(-1e-12, 0.1234567, 1), new(0, 0, 0)]);
        Assert.Equal("3 0.500000 0.250000 1.000000 0.000000 0.000000 0.123457 1 0.000000 0.000000 0", YoloPoseLabelFormat.FormatLine(l, 3));
    }

    [Fact]
    public void Two_dims_cannot_write_an_unlabelled_point()
    {
        var l = new YoloPoseLabel(0, 0.5, 0.5, 0.2, 0.2, [new(0.5, 0.5, 2), new(0, 0, 0)]);
        var e = Assert.Throws<InvalidOperationException>(() => YoloPoseLabelFormat.FormatLine(l, 2));
        Assert.Contains("keypoint 1 is not labelled (v=0)", e.Message, StringComparison.Ordinal);
        Assert.Equal("0 0.500000 0.500000 0.200000 0.200000 0.500000 0.500000", YoloPoseLabelFormat.FormatLine(l with { Keypoints = [new(0.5, 0.5, 2)] }, 2));
    }

    [Theory]
    [InlineData("data/images/train/a.jpg", "data/labels/train/a.txt")]
    [InlineData("images/x/images/b.PNG", "images/x/labels/b.txt")]
    [InlineData("images/c.jpeg", "labels/c.txt")]
    [InlineData(@"d\images\val\e.jpg", @"d\labels\val\e.txt")]
    public void Label_path_replaces_the_last_images_folder_and_the_extension(string image, string label) =>
        Assert.Equal(label, YoloLabelPaths.LabelPathFor(image));

    [Fact]
    public void An_image_outside_an_images_folder_has_no_label_path() =>
        Assert.Null(YoloLabelPaths.LabelPathFor("data/train/a.jpg"));

    [Fact]
    public void Labels_folder_of_an_images_folder_is_its_labels_sibling() =>
        Assert.Equal("/data/labels/train", YoloLabelPaths.LabelFolderFor("/data/images/train"));
}
