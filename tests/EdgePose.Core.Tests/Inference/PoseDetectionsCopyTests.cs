using EdgePose.Core.Poses;

namespace EdgePose.Core.Tests.Inference;

public class PoseDetectionsCopyTests
{
    [Fact]
    public void Copy_holds_the_same_boxes_scores_classes_anchors_and_keypoints()
    {
        var a = new PoseDetections(4, 2);
        int i = a.Add(1, 2, 3, 4, 0.5f, 1, 77);
        a.Keypoints(i).Fill(9);
        var b = new PoseDetections(2, 2);
        b.Add(0, 0, 0, 0, 0, 0, 0);
        b.Add(0, 0, 0, 0, 0, 0, 0);

        b.CopyFrom(a);

        Assert.Equal(1, b.Count);
        Assert.Equal([1f, 2f, 3f, 4f], b.Box(0).ToArray());
        Assert.Equal((0.5f, 1, 77), (b.Score(0), b.ClassId(0), b.Anchor(0)));
        Assert.All(b.Keypoints(0).ToArray(), v => Assert.Equal(9f, v));
    }

    [Fact]
    public void Copy_into_too_small_or_differently_shaped_detections_is_rejected()
    {
        var a = new PoseDetections(4, 2);
        a.Add(0, 0, 1, 1, 1, 0, 0);
        a.Add(0, 0, 1, 1, 1, 0, 1);
        Assert.Throws<ArgumentException>(() => new PoseDetections(1, 2).CopyFrom(a));
        Assert.Throws<ArgumentException>(() => new PoseDetections(4, 3).CopyFrom(a));
    }
}
