using EdgePose.Core.Evaluation;

namespace EdgePose.Core.Tests.Evaluation;

public class PckEvaluatorTests
{
    [Fact]
    public void Exact_keypoints_are_all_correct()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        c.Detect(p, 0.9);
        var r = PckEvaluator.Evaluate(c.Detections(), new PckOptions());
        Assert.Equal(1.0, r.Pck);
        Assert.Equal(1, r.MatchedInstances);
        Assert.All(r.PerKeypoint, v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void A_keypoint_is_correct_when_its_distance_over_the_box_long_side_is_below_alpha()
    {
        // Box long side 200: alpha 0.05 allows < 10 px. Keypoint 0 off by 9 px, keypoint 1 by 11 px.
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        var d = c.Detect(p, 0.9);
        d.Keypoints![0] += 9;
        d.Keypoints[3] += 11;
        var r = PckEvaluator.Evaluate(c.Detections(), new PckOptions { Alpha = 0.05 });
        Assert.Equal(1.0, r.PerKeypoint[0]);
        Assert.Equal(0.0, r.PerKeypoint[1]);
        Assert.Equal(16.0 / 17, r.Pck, 15);
        Assert.Equal(16.0 / 17, r.PooledPck, 15);
    }

    [Fact]
    public void Given_sizes_replace_the_box_size()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        var d = c.Detect(p, 0.9);
        d.Keypoints![0] += 9;
        var sizes = new Dictionary<long, double> { [p.Id] = 100 };
        var r = PckEvaluator.Evaluate(c.Detections(), new PckOptions { Alpha = 0.05, Normalization = PckNormalization.GivenSize, InstanceSizes = sizes });
        Assert.Equal(0.0, r.PerKeypoint[0]);
    }

    [Fact]
    public void Missed_people_count_only_in_pck_with_misses_and_crowd_regions_not_at_all()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        c.Person(1, 300, 50, 100, 200);
        c.Crowd(1, 0, 300, 600, 100);
        c.Detect(p, 0.9);
        c.DetectAt(1, 0.8, 10, 310, 50, 50);
        var r = PckEvaluator.Evaluate(c.Detections(), new PckOptions());
        Assert.Equal(2, r.Instances);
        Assert.Equal(1, r.MatchedInstances);
        Assert.Equal(1.0, r.Pck);
        Assert.Equal(0.5, r.PckWithMisses, 15);
    }

    [Fact]
    public void Keypoints_not_labelled_are_left_out_and_marked_minus_one_when_never_labelled()
    {
        var r = PckEvaluator.Evaluate(HandMadeCases.UnlabelledKeypoints().Detections(), new PckOptions());
        Assert.Equal(-1, r.PerKeypoint[0]);
        Assert.Equal(0, r.Labelled[7]);
        Assert.Equal(1.0, r.Pck);
    }
}
