using EdgePose.Core.Coco;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Tests.Coco;

public class UltralyticsCocoResultsTests
{
    [Fact]
    public void Box_becomes_top_left_and_size_rounded_to_3_decimals_score_to_5_and_keypoints_stay_float32()
    {
        var poses = new PoseDetections(2, 1);
        int i = poses.Add(10.12345f, 20.5f, 110.98765f, 220.25f, 0.123456789f, 0, 7);
        poses.Keypoints(i)[0] = 33.333333f;
        poses.Keypoints(i)[1] = 44.4f;
        poses.Keypoints(i)[2] = 0.5f;
        var results = new List<CocoDetection>();

        UltralyticsCocoResults.Append(results, 139, poses);

        var r = Assert.Single(results);
        Assert.Equal(139, r.ImageId);
        Assert.Equal(1, r.CategoryId);
        Assert.Equal([10.123, 20.5, 100.864, 199.75], r.Bbox);
        Assert.Equal(0.12346, r.Score);
        Assert.Equal([(double)33.333333f, (double)44.4f, 0.5], r.Keypoints!);
    }

    [Fact]
    public void Category_is_the_class_id_plus_one_and_order_is_kept()
    {
        var poses = new PoseDetections(2, 0);
        poses.Add(0, 0, 1, 1, 0.2f, 2, 0);
        poses.Add(0, 0, 1, 1, 0.9f, 0, 1);
        var results = new List<CocoDetection>();

        UltralyticsCocoResults.Append(results, 5, poses);

        Assert.Equal([3, 1], results.Select(r => r.CategoryId));
        Assert.Equal([0.2, 0.9], results.Select(r => r.Score));
    }

    [Fact]
    public void Classes_map_to_the_given_category_ids_and_a_class_without_one_is_rejected()
    {
        var poses = new PoseDetections(2, 0);
        poses.Add(0, 0, 1, 1, 0.2f, 1, 0);
        var results = new List<CocoDetection>();

        UltralyticsCocoResults.Append(results, 5, poses, [7, 9]);
        Assert.Equal(9, results[0].CategoryId);

        var e = Assert.Throws<EdgePose.Core.Errors.InputException>(() => UltralyticsCocoResults.Append(results, 5, poses, [7]));
        Assert.Contains("class 1", e.Message, StringComparison.Ordinal);
    }
}
