using EdgePose.Core.Coco;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Coco;

public class CocoJsonTests
{
    [RequiresSharedFact("data/coco-mini/annotations/person_keypoints_val2017.json")]
    public void Coco_mini_val_reads_with_its_79_images_and_68_keypoint_labelled_people()
    {
        var path = TestPaths.Shared("data", "coco-mini", "annotations", "person_keypoints_val2017.json");
        var d = CocoJson.ParseDataset(File.ReadAllText(path), path);
        Assert.Equal(79, d.Images.Count);
        Assert.Equal(118, d.Annotations.Count);
        Assert.Equal(68, d.Annotations.Count(a => a.NumKeypoints > 0));
        Assert.Equal(17, d.Categories.Single().Keypoints!.Length);
        Assert.Equal(1, d.Annotations.Count(a => a.Iscrowd == 1));
    }

    [RequiresSharedFact("data/coco-mini/annotations/person_keypoints_val2017.json")]
    public void Writing_and_reading_back_keeps_every_annotation_value()
    {
        var path = TestPaths.Shared("data", "coco-mini", "annotations", "person_keypoints_val2017.json");
        var a = CocoJson.ParseDataset(File.ReadAllText(path), path);
        var b = CocoJson.ParseDataset(CocoJson.Serialize(a), "roundtrip");
        Assert.Equal(a.Annotations.Count, b.Annotations.Count);
        for (int i = 0; i < a.Annotations.Count; i++)
        {
            Assert.Equal(a.Annotations[i].Keypoints, b.Annotations[i].Keypoints);
            Assert.Equal(a.Annotations[i].Bbox, b.Annotations[i].Bbox);
            Assert.True(System.Text.Json.JsonElement.DeepEquals(a.Annotations[i].Segmentation!.Value, b.Annotations[i].Segmentation!.Value));
        }

        Assert.True(System.Text.Json.JsonElement.DeepEquals(a.Images[0].Extra!["license"], b.Images[0].Extra!["license"]));
    }

    [Theory]
    [InlineData("""{"images":[{"id":1},{"id":1}],"annotations":[],"categories":[]}""", "image id 1 appears twice")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":2,"category_id":1,"bbox":[0,0,1,1]}],"categories":[{"id":1,"name":"p"}]}""", "annotation 5 refers to image 2")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":3,"bbox":[0,0,1,1]}],"categories":[{"id":1,"name":"p"}]}""", "refers to category 3")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":1,"bbox":[0,0,1]}],"categories":[{"id":1,"name":"p"}]}""", "bbox has 3 values")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":1,"bbox":[0,0,1,1],"keypoints":[1,2,2]}],"categories":[{"id":1,"name":"p","keypoints":["a","b"]}]}""", "has 3 keypoint values, expected 6")]
    [InlineData("""{"images":[],"annotations":[],"categories":[{"id":1,"name":"p","keypoints":["a","b"],"skeleton":[[1,3]]}]}""", "skeleton link [1, 3]")]
    [InlineData("""[1, 2]""", "not a COCO json")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":1,"bbox":[0,0,-5,10]}],"categories":[{"id":1,"name":"p"}]}""", "annotation 5 bbox [0, 0, -5, 10] has a negative")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":1,"bbox":[0,0,5,10],"keypoints":null}],"categories":[{"id":1,"name":"p","keypoints":["a"]}]}""", "annotation 5 of keypoint category 1 has no keypoints")]
    [InlineData("""{"images":[{"id":1}],"annotations":[{"id":5,"image_id":1,"category_id":1,"bbox":[0,0,5,10],"keypoints":[1,2,7]}],"categories":[{"id":1,"name":"p","keypoints":["a"]}]}""", "annotation 5 keypoint 0 visibility 7 is not 0, 1 or 2")]
    public void Inconsistent_ground_truth_is_rejected_naming_the_file_and_the_fault(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CocoJson.ParseDataset(json, "gt.json"));
        Assert.StartsWith("gt.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_of_zero_size_is_rejected_by_the_one_size_check_that_val_and_convert_share()
    {
        var d = CocoJson.ParseDataset("""{"images":[{"id":1,"file_name":"a.jpg","width":0,"height":480}],"annotations":[],"categories":[]}""", "gt.json");
        var e = Assert.Throws<FormatException>(() => CocoJson.CheckImageSizes(d, "gt.json"));
        Assert.Contains("image 1 'a.jpg' has size 0 × 480", e.Message, StringComparison.Ordinal);
    }

    [RequiresSharedFact("reference/coco-mini-val2017_val_results.json")]
    public void Reference_results_file_reads_as_1820_detections()
    {
        var path = TestPaths.Reference("coco-mini-val2017_val_results.json");
        var r = CocoJson.ParseResults(File.ReadAllText(path), path);
        Assert.Equal(1820, r.Count);
        Assert.Equal(51, r[0].Keypoints!.Length);
    }
}
