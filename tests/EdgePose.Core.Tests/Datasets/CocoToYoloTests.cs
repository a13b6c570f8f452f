using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;

namespace EdgePose.Core.Tests.Datasets;

public class CocoToYoloTests
{
    private static CocoDataset Small(double[] keypoints, int iscrowd = 0) => new()
    {
        Images = [new CocoImage { Id = 1, FileName = "a.jpg", Width = 2, Height = 4 }, new CocoImage { Id = 2, FileName = "sub/b.jpg", Width = 10, Height = 10 }],
        Categories = [new CocoCategory { Id = 1, Name = "thing", Keypoints = ["left_x", "right_x"], Skeleton = [[1, 2]] }],
        Annotations = [new CocoAnnotation { Id = 7, ImageId = 1, CategoryId = 1, Bbox = [0, 0, 2, 2], Keypoints = keypoints, Iscrowd = iscrowd }],
    };

    [Fact]
    public void Keypoint_triples_are_normalised_by_position_and_visibility_kept()
    {
        // Pixel coordinates 2 and 1 are coordinates, not flags: (2, 1) in a 2 × 4 image is (1, 0.25).
        var r = CocoToYolo.Convert(Small([2, 1, 1, 0, 0, 0]), "gt.json");
        Assert.Equal("0 0.500000 0.250000 1.000000 0.500000 1.000000 0.250000 1 0.000000 0.000000 0\n", r.Files[0].Text);
        Assert.Equal("a.txt", r.Files[0].LabelFileName);
        Assert.Equal("", r.Files[1].Text);
        Assert.Equal("sub/b.txt", r.Files[1].LabelFileName);
        Assert.Equal(["thing"], r.ClassNames);
        Assert.Equal([1, 0], r.Meta.FlipIndex);
        Assert.Equal(0, r.Meta.Skeleton[0].From);
    }

    [Fact]
    public void Two_dims_writes_x_y_only_and_refuses_unlabelled_points()
    {
        var r = CocoToYolo.Convert(Small([2, 1, 2, 1, 2, 1]), "gt.json", new CocoToYoloOptions { Dims = 2 });
        Assert.Equal("0 0.500000 0.250000 1.000000 0.500000 1.000000 0.250000 0.500000 0.500000\n", r.Files[0].Text);
        var e = Assert.Throws<FormatException>(() => CocoToYolo.Convert(Small([2, 1, 2, 0, 0, 0]), "gt.json", new CocoToYoloOptions { Dims = 2 }));
        Assert.Equal("gt.json: image 1 'a.jpg': keypoint 1 is not labelled (v=0), which kpt_shape [K, 2] cannot express; use [K, 3]", e.Message);
    }

    [Fact]
    public void Crowd_annotations_are_left_out_and_counted()
    {
        var r = CocoToYolo.Convert(Small([0, 0, 0, 0, 0, 0], iscrowd: 1), "gt.json");
        Assert.Equal("", r.Files[0].Text);
        Assert.Equal(1, r.CrowdSkipped);
    }

    [Fact]
    public void A_visibility_other_than_0_1_2_is_rejected_naming_the_annotation()
    {
        var e = Assert.Throws<FormatException>(() => CocoToYolo.Convert(Small([1, 1, 0.5, 0, 0, 0]), "gt.json"));
        Assert.Equal("gt.json: annotation 7 keypoint 0 visibility 0.5 is not 0, 1 or 2", e.Message);
    }

    [Fact]
    public void Two_images_that_would_share_a_label_file_are_rejected()
    {
        var d = Small([0, 0, 0, 0, 0, 0]);
        d.Images[1].FileName = "a.png";
        var e = Assert.Throws<FormatException>(() => CocoToYolo.Convert(d, "gt.json"));
        Assert.Equal("gt.json: images 'a.jpg' and 'a.png' would share the label file 'a.txt'", e.Message);
    }

    [Fact]
    public void Categories_naming_different_keypoints_are_rejected()
    {
        var d = Small([0, 0, 0, 0, 0, 0]);
        d.Categories.Add(new CocoCategory { Id = 2, Name = "other", Keypoints = ["a", "b"] });
        var e = Assert.Throws<FormatException>(() => CocoToYolo.Convert(d, "gt.json"));
        Assert.Equal("gt.json: categories 1 and 2 name different keypoints; YOLO-pose needs one keypoint layout", e.Message);
    }
}
