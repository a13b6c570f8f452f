using EdgePose.Core.Datasets.Labelme;
using EdgePose.Tests;
using static EdgePose.Tests.LabelmeSamples;

namespace EdgePose.Core.Tests.Datasets;

public class LabelmeToCocoTests
{
    private static FormatException Fails(LabelmeDocument doc, LabelmeToCocoOptions? options = null) =>
        Assert.Throws<FormatException>(() => LabelmeToCoco.Convert([new LabelmeImage("set/bad.json", doc, "bad.jpg")], LabelmeSamples.Meta, Config, options));

    [Fact]
    public void Rectangles_become_objects_and_points_their_keypoints_by_containing_box()
    {
        var d = LabelmeToCoco.Convert(Set(), LabelmeSamples.Meta, Config);
        Assert.Equal(5, d.Images.Count);
        Assert.Equal(7, d.Annotations.Count);
        Assert.Equal(["cat", "kitten"], d.Categories.Select(c => c.Name));
        Assert.Equal(KeypointNames, d.Categories[0].Keypoints);
        Assert.Equal([1, 2], d.Categories[0].Skeleton![0]);
        var a = d.Annotations[0];
        Assert.Equal([10.25, 20.5, 300.75 - 10.25, 400.125 - 20.5], a.Bbox);
        Assert.Equal(8, a.NumKeypoints);
        Assert.All(Enumerable.Range(0, 8), k => Assert.Equal(2, a.Keypoints![(3 * k) + 2]));
        Assert.Equal(a.Bbox[2] * a.Bbox[3] * 0.53, a.Area, 9);
    }

    [Fact]
    public void A_keypoint_not_drawn_is_unlabelled_at_the_origin_and_a_hidden_suffix_gives_v1()
    {
        var d = LabelmeToCoco.Convert(Set(), LabelmeSamples.Meta, Config);
        var kitten = d.Annotations.First(a => a.CategoryId == 2);
        Assert.Equal(6, kitten.NumKeypoints);
        Assert.Equal([0, 0, 0], kitten.Keypoints![3..6]);
        Assert.Equal([0, 0, 0], kitten.Keypoints![21..24]);
        var hidden = d.Annotations.Where(a => a.ImageId == 4).Select(a => a.Keypoints![(3 * 3) + 2]);
        Assert.Contains(1.0, hidden);
    }

    [Fact]
    public void A_configured_shape_flag_marks_a_point_hidden()
    {
        var p = Point("neck", 20, 20);
        p.Flags = new Dictionary<string, bool> { ["occluded"] = true };
        var doc = Document("x.jpg", 100, 100, Rect("cat", 0, 0, 60, 60), p, Point("snout", 10, 10));
        var d = LabelmeToCoco.Convert([new LabelmeImage("x.json", doc, "x.jpg")], LabelmeSamples.Meta, Config with { HiddenFlag = "occluded" });
        Assert.Equal([10, 10, 2], d.Annotations[0].Keypoints![..3]);
        Assert.Equal([20, 20, 1], d.Annotations[0].Keypoints![9..12]);
    }

    [Fact]
    public void Group_ids_resolve_points_in_overlapping_boxes()
    {
        var doc = Document("x.jpg", 100, 100, Rect("cat", 0, 0, 60, 60, 1), Rect("cat", 40, 40, 100, 100, 2), Point("snout", 50, 50, 2), Point("neck", 50, 52, 1));
        var d = LabelmeToCoco.Convert([new LabelmeImage("x.json", doc, "x.jpg")], LabelmeSamples.Meta, Config);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 52, 2], d.Annotations[0].Keypoints![..12]);
        Assert.Equal([50, 50, 2], d.Annotations[1].Keypoints![..3]);
    }

    [Fact]
    public void Missing_points_are_an_error_when_every_keypoint_is_required()
    {
        var doc = Document("x.jpg", 640, 480, [.. Cat(new Random(1), 10, 10, 200, 200, "cat", null, "tail_tip", "left_eye")]);
        var e = Fails(doc, new LabelmeToCocoOptions { RequireAllKeypoints = true });
        Assert.Equal("set/bad.json: rectangle 1 'cat' is missing keypoints left_eye, tail_tip", e.Message);
    }

    [Fact]
    public void Extra_points_for_one_keypoint_in_a_box_are_rejected()
    {
        var shapes = Cat(new Random(1), 10, 10, 200, 200).ToList();
        shapes.Add(Point("snout", 100, 100));
        var e = Fails(Document("x.jpg", 640, 480, [.. shapes]));
        Assert.Equal("set/bad.json: rectangle 1 'cat' has two points for keypoint 'nose' (shapes 2 and 10)", e.Message);
    }

    [Fact]
    public void A_point_shape_with_two_positions_is_rejected()
    {
        var p = Point("neck", 10, 10);
        p.Points = [[10, 10], [12, 12]];
        var e = Fails(Document("x.jpg", 640, 480, Rect("cat", 0, 0, 50, 50), p));
        Assert.Equal("set/bad.json: point 2 'neck' has 2 positions, expected 1", e.Message);
    }

    [Fact]
    public void A_box_without_points_is_rejected_unless_allowed()
    {
        var shapes = Cat(new Random(1), 10, 10, 200, 200).Append(Rect("kitten", 300, 300, 400, 400)).ToArray();
        var e = Fails(Document("x.jpg", 640, 480, shapes));
        Assert.Equal("set/bad.json: rectangle 10 'kitten' has no keypoints; draw its points inside it (or allow boxes without keypoints)", e.Message);
        var d = LabelmeToCoco.Convert([new LabelmeImage("ok.json", Document("x.jpg", 640, 480, shapes), "x.jpg")], LabelmeSamples.Meta, Config, new LabelmeToCocoOptions { AllowBoxesWithoutKeypoints = true });
        Assert.Equal(0, d.Annotations[1].NumKeypoints);
    }

    [Fact]
    public void A_point_outside_every_box_is_rejected_with_its_position()
    {
        var shapes = Cat(new Random(1), 10, 10, 200, 200).Append(Point("tail_tip", 250.5, 20)).ToArray();
        var e = Fails(Document("x.jpg", 640, 480, shapes));
        Assert.Equal("set/bad.json: point 10 'tail_tip' at (250.5, 20) lies outside every rectangle", e.Message);
    }

    [Fact]
    public void A_point_a_little_outside_its_box_is_kept_within_the_margin()
    {
        var shapes = new[] { Rect("cat", 10, 10, 200, 200), Point("neck", 203, 100) };
        Assert.Contains("lies outside every rectangle", Fails(Document("x.jpg", 640, 480, shapes)).Message, StringComparison.Ordinal);
        var d = LabelmeToCoco.Convert([new LabelmeImage("ok.json", Document("x.jpg", 640, 480, shapes), "x.jpg")], LabelmeSamples.Meta, Config, new LabelmeToCocoOptions { BoxMarginPixels = 5 });
        Assert.Equal(1, d.Annotations[0].NumKeypoints);
    }

    [Fact]
    public void A_grouped_point_outside_its_box_is_rejected()
    {
        var e = Fails(Document("x.jpg", 640, 480, Rect("cat", 10, 10, 200, 200, 4), Point("neck", 300, 100, 4)));
        Assert.Equal("set/bad.json: point 2 'neck' at (300, 100) lies outside its rectangle 1 'cat' [10, 10, 200, 200]", e.Message);
    }

    [Fact]
    public void A_point_in_two_boxes_without_group_id_is_ambiguous()
    {
        var e = Fails(Document("x.jpg", 640, 480, Rect("cat", 0, 0, 60, 60), Rect("cat", 40, 40, 100, 100), Point("neck", 50, 50)));
        Assert.Equal("set/bad.json: point 3 'neck' at (50, 50) lies inside rectangle 1 'cat' and rectangle 2 'cat', so its object is ambiguous; give the point and its rectangle the same group_id", e.Message);
    }

    [Fact]
    public void A_wrong_point_label_is_rejected_listing_the_keypoints()
    {
        var e = Fails(Document("x.jpg", 640, 480, Rect("cat", 0, 0, 60, 60), Point("paw", 5, 5)));
        Assert.Equal("set/bad.json: point 2 label 'paw' is not a keypoint (nose, left_eye, right_eye, neck, left_front_paw, right_front_paw, tail_base, tail_tip); map other labels in keypoint_labels", e.Message);
    }

    [Fact]
    public void A_wrong_rectangle_label_is_rejected_listing_the_classes()
    {
        var e = Fails(Document("x.jpg", 640, 480, Rect("dog", 0, 0, 60, 60), Point("neck", 5, 5)));
        Assert.Equal("set/bad.json: rectangle 1 label 'dog' is not a class (cat, kitten)", e.Message);
    }

    [Fact]
    public void Other_shape_types_are_rejected()
    {
        var poly = new LabelmeShape { Label = "cat", ShapeType = "polygon", Points = [[0, 0], [5, 0], [5, 5]] };
        Assert.Equal("set/bad.json: shape 1 'cat' is a 'polygon'; only 'rectangle' (objects) and 'point' (keypoints) are used", Fails(Document("x.jpg", 64, 48, poly)).Message);
    }

    [Fact]
    public void A_point_outside_the_image_or_a_file_without_size_is_rejected()
    {
        Assert.Equal(
            "set/bad.json: point 2 'neck' at (70, 5) lies outside the 64 × 48 image",
            Fails(Document("x.jpg", 64, 48, Rect("cat", 0, 0, 60, 40), Point("neck", 70, 5))).Message);
        Assert.Equal(
            "set/bad.json: imageWidth/imageHeight missing or not positive (0 × 48)",
            Fails(Document("x.jpg", 0, 48, Rect("cat", 0, 0, 60, 40))).Message);
    }

    [Fact]
    public void A_config_mapping_to_an_unknown_keypoint_is_rejected()
    {
        var config = Config with { KeypointLabels = new Dictionary<string, string> { ["snout"] = "muzzle" } };
        var e = Assert.Throws<FormatException>(() => LabelmeToCoco.Convert(Set(), LabelmeSamples.Meta, config));
        Assert.StartsWith("keypoint_labels maps 'snout' to 'muzzle', which is not a keypoint name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labelme_json_reads_shapes_and_decodes_embedded_image_data()
    {
        const string json = """
            {"version": "5.4.1", "flags": {}, "shapes": [{"label": "cat", "points": [[1.5, 2], [30, 40]], "group_id": null,
             "description": "", "shape_type": "rectangle", "flags": {}, "mask": null}],
             "imagePath": "a.png", "imageData": "AAEC/w==", "imageHeight": 48, "imageWidth": 64}
            """;
        var d = LabelmeJson.Parse(json, "a.json");
        Assert.Equal("rectangle", d.Shapes[0].ShapeType);
        Assert.Equal([1.5, 2], d.Shapes[0].Points[0]);
        Assert.Equal([0, 1, 2, 255], LabelmeJson.DecodeImageData(d, "a.json"));
        d.ImageData = "data:image/png;base64,AAEC/w==";
        Assert.Equal([0, 1, 2, 255], LabelmeJson.DecodeImageData(d, "a.json"));
        d.ImageData = "not base64!";
        Assert.StartsWith("a.json: imageData is not valid base64", Assert.Throws<FormatException>(() => LabelmeJson.DecodeImageData(d, "a.json")).Message, StringComparison.Ordinal);
        Assert.StartsWith("b.json: not a labelme json", Assert.Throws<FormatException>(() => LabelmeJson.Parse("[1]", "b.json")).Message, StringComparison.Ordinal);
    }
}
