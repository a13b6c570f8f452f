using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Datasets;

public class YoloToCocoTests
{
    private static readonly KeypointMeta Two = KeypointMeta.ForKeypointCount(2);

    [Fact]
    public void Normalised_labels_become_pixels_with_area_box_times_053_by_default()
    {
        var d = YoloToCoco.Convert([new YoloImageLabels("000000000036.jpg", 200, 100, "0 0.5 0.5 0.2 0.4 0.25 0.5 2 0 0 0\n", "36.txt")], ["person"], Two);
        var a = d.Annotations.Single();
        Assert.Equal(36, d.Images[0].Id);
        Assert.Equal(36, a.ImageId);
        Assert.Equal([80, 30, 40, 40], a.Bbox.Select(v => Math.Round(v, 9)));
        Assert.Equal([50, 50, 2, 0, 0, 0], a.Keypoints!);
        Assert.Equal(1, a.NumKeypoints);
        Assert.Equal(40 * 40 * 0.53, a.Area, 9);
        Assert.Contains("0.53", d.Info!.Value.GetProperty("area_policy").GetString(), StringComparison.Ordinal);
        Assert.Equal(["kpt0", "kpt1"], d.Categories[0].Keypoints!);
    }

    [Fact]
    public void Box_area_policy_keeps_the_plain_box_area()
    {
        var d = YoloToCoco.Convert([new YoloImageLabels("a.jpg", 200, 100, "0 0.5 0.5 0.2 0.4 0.25 0.5 2 0 0 0", "a.txt")], ["person"], Two, new YoloToCocoOptions { Area = CocoAreaPolicy.Box });
        Assert.Equal(1600, d.Annotations[0].Area, 9);
    }

    [Fact]
    public void Non_numeric_names_get_ids_in_order_and_missing_labels_give_images_without_objects()
    {
        var d = YoloToCoco.Convert([new YoloImageLabels("b.jpg", 10, 10, null, "b.txt"), new YoloImageLabels("12.jpg", 10, 10, "", "12.txt")], ["p"], Two);
        Assert.Equal([1, 2], d.Images.Select(i => i.Id));
        Assert.Empty(d.Annotations);
    }

    [Fact]
    public void Two_dims_labels_are_all_visible()
    {
        var d = YoloToCoco.Convert([new YoloImageLabels("a.jpg", 10, 10, "0 0.5 0.5 1 1 0 0 1 1", "a.txt")], ["p"], KeypointMeta.ForKeypointCount(2, 2));
        Assert.Equal([0, 0, 2, 10, 10, 2], d.Annotations[0].Keypoints!);
        Assert.Equal(2, d.Annotations[0].NumKeypoints);
    }

    [Fact]
    public void A_class_beyond_the_names_is_rejected_with_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => YoloToCoco.Convert([new YoloImageLabels("a.jpg", 10, 10, "\n1 0.5 0.5 1 1 0 0 0 0 0 0", "labels/a.txt")], ["p"], Two));
        Assert.Equal("labels/a.txt:2: class 1, but names lists 1 class(es)", e.Message);
    }
}
