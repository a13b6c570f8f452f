using EdgePose.Core.Evaluation;

namespace EdgePose.Core.Tests.Evaluation;

/// <summary>
/// Hand-made edge cases. The expected numbers are what real pycocotools (cocoapi 8c9bcc3, numpy 1.24) printed for
/// the same cases written to json; "NoDetections" through COCOeval with an empty result set, as loadRes cannot
/// read an empty list.
/// </summary>
public class CocoEvaluatorEdgeCaseTests
{
    private static readonly Dictionary<string, (double[] Keypoints, double[] Boxes)> s_pycocotools = new()
    {
        [nameof(HandMadeCases.CrowdRegionLeftOut)] = ([0.5, 0.5, 0.5, -1.0, 0.5, 1.0, 1.0, 1.0, -1.0, 1.0], [0.45, 0.5, 0.5, -1.0, -1.0, 0.45, 0.0, 0.9, 0.9, -1.0, -1.0, 0.9]),
        [nameof(HandMadeCases.CrowdRegion)] = ([0.9999999999999998, 0.9999999999999999, 0.9999999999999999, -1.0, 0.9999999999999998, 1.0, 1.0, 1.0, -1.0, 1.0], [0.8999999999999999, 0.9999999999999999, 0.9999999999999999, -1.0, -1.0, 0.8999999999999999, 0.0, 0.9, 0.9, -1.0, -1.0, 0.9]),
        [nameof(HandMadeCases.DetectionBetweenTwoPeople)] = ([0.8333333333333333, 1.0, 0.6666666666666669, -1.0, 0.8333333333333333, 1.0, 1.0, 1.0, -1.0, 1.0], [0.8666666666666666, 1.0, 1.0, -1.0, -1.0, 0.8666666666666666, 0.3, 1.0, 1.0, -1.0, -1.0, 1.0]),
        [nameof(HandMadeCases.MoreThanTwentyDetections)] = ([0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0], [0.04761904761904762, 0.04761904761904761, 0.04761904761904761, -1.0, -1.0, 0.9999999999999998, 0.0, 0.0, 1.0, -1.0, -1.0, 1.0]),
        [nameof(HandMadeCases.NoDetections)] = ([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0]),
        [nameof(HandMadeCases.NoGroundTruth)] = ([-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0], [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0]),
        [nameof(HandMadeCases.PersonWithoutKeypoints)] = ([0.9999999999999998, 0.9999999999999999, 0.9999999999999999, -1.0, 0.9999999999999998, 1.0, 1.0, 1.0, -1.0, 1.0], [0.7757425742574258, 1.0, 1.0, -1.0, -1.0, 0.7757425742574258, 0.35, 0.85, 0.85, -1.0, -1.0, 0.85]),
        [nameof(HandMadeCases.ResultsWithoutBoxes)] = ([0.8349834983498348, 0.834983498349835, 0.834983498349835, 0.9999999999999998, 0.9999999999999998, 1.0, 1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0]),
        [nameof(HandMadeCases.TiedScoresAcrossImages)] = ([0.2524752475247525, 0.2524752475247525, 0.2524752475247525, -1.0, 0.2524752475247525, 0.5, 0.5, 0.5, -1.0, 0.5], [0.2524752475247525, 0.2524752475247525, 0.2524752475247525, -1.0, -1.0, 0.2524752475247525, 0.5, 0.5, 0.5, -1.0, -1.0, 0.5]),
        [nameof(HandMadeCases.TiedScoresFalsePositiveFirst)] = ([0.8349834983498348, 0.834983498349835, 0.834983498349835, -1.0, 1.0, 1.0, 1.0, 1.0, -1.0, 1.0], [0.8349834983498348, 0.834983498349835, 0.834983498349835, -1.0, -1.0, 1.0, 0.5, 1.0, 1.0, -1.0, -1.0, 1.0]),
        [nameof(HandMadeCases.TiedScoresTruePositiveFirst)] = ([1.0, 1.0, 1.0, -1.0, 1.0, 1.0, 1.0, 1.0, -1.0, 1.0], [1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 0.5, 1.0, 1.0, -1.0, -1.0, 1.0]),
        [nameof(HandMadeCases.UnlabelledKeypoints)] = ([0.9999999999999998, 0.9999999999999999, 0.9999999999999999, -1.0, 0.9999999999999998, 1.0, 1.0, 1.0, -1.0, 1.0], [0.9999999999999998, 0.9999999999999999, 0.9999999999999999, -1.0, -1.0, 0.9999999999999998, 1.0, 1.0, 1.0, -1.0, -1.0, 1.0]),
    };

    public static TheoryData<string> CaseNames => [.. HandMadeCases.All.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_hand_made_case_gives_pycocotools_numbers(string name)
    {
        var c = HandMadeCases.All[name]();
        var (keypoints, boxes) = s_pycocotools[name];
        AssertClose(keypoints, c.Keypoints());
        AssertClose(boxes, c.Boxes());
    }

    [Fact]
    public void No_detections_give_zero_precision_and_recall_where_there_is_ground_truth()
    {
        var e = HandMadeCases.NoDetections().Keypoints();
        Assert.All(e.Stats, s => Assert.Equal(0, s.Value));
        Assert.Equal(0, e.DetectionCount);
    }

    [Fact]
    public void Without_ground_truth_every_number_is_minus_one()
    {
        var c = HandMadeCases.NoGroundTruth();
        Assert.All(c.Keypoints().Stats, s => Assert.Equal(-1, s.Value));
        Assert.All(c.Boxes().Stats, s => Assert.Equal(-1, s.Value));
        Assert.Equal(-1, c.Keypoints().Precision(0, 0));
    }

    [Fact]
    public void Detections_inside_a_crowd_region_are_ignored_rather_than_false_positives()
    {
        Assert.Equal(1.0, HandMadeCases.CrowdRegion().Keypoints()["AP"], 12);
        Assert.Equal(0.5, HandMadeCases.CrowdRegionLeftOut().Keypoints()["AP"], 12);
    }

    [Fact]
    public void A_detection_between_two_people_takes_the_closer_and_leaves_the_other_to_the_next_detection()
    {
        var e = HandMadeCases.DetectionBetweenTwoPeople().Keypoints();
        Assert.Equal(1.0, e["AR50"], 12);
        Assert.Equal(1.0, e["AP50"], 12);
        Assert.Equal(0.6666666666666669, e["AP75"], 12);
    }

    [Fact]
    public void Equal_scores_keep_the_order_the_detections_were_added_in()
    {
        Assert.Equal(0.8349834983498348, HandMadeCases.TiedScoresFalsePositiveFirst().Keypoints()["AP"], 15);
        Assert.Equal(1.0, HandMadeCases.TiedScoresTruePositiveFirst().Keypoints()["AP"], 15);
    }

    [Fact]
    public void Equal_scores_on_different_images_are_taken_lower_image_id_first()
    {
        // Image 7's true positive was added first, but image 3's false positive ranks before it.
        Assert.Equal(0.2524752475247525, HandMadeCases.TiedScoresAcrossImages().Keypoints()["AP"], 15);
    }

    [Fact]
    public void Keypoints_not_labelled_in_the_ground_truth_do_not_count()
    {
        Assert.Equal(1.0, HandMadeCases.UnlabelledKeypoints().Keypoints()["AP"], 12);
    }

    [Fact]
    public void A_person_with_no_labelled_keypoints_is_ignored_and_a_detection_on_it_is_no_false_positive()
    {
        var e = HandMadeCases.PersonWithoutKeypoints().Keypoints();
        Assert.Equal(1.0, e["AP"], 12);
        Assert.Equal(1.0, e["AR"], 12);
    }

    [Fact]
    public void Only_the_best_twenty_detections_per_image_count_for_keypoints_but_a_hundred_for_boxes()
    {
        var c = HandMadeCases.MoreThanTwentyDetections();
        Assert.Equal(0, c.Keypoints()["AR"]);
        Assert.Equal(1.0, c.Boxes()["AR100"], 12);
        Assert.Equal(0, c.Boxes()["AR10"]);
    }

    [Fact]
    public void Results_without_boxes_take_box_and_area_from_the_keypoint_extent()
    {
        var c = HandMadeCases.ResultsWithoutBoxes();
        var detections = c.Detections();
        Assert.Equal(DetectionAreaRule.KeypointExtent, detections.AreaRule);

        // The large person's keypoints span 60 % × 80 % of its 120 × 150 box: a medium detection.
        Assert.Equal(72 * 120, detections.Areas[0], 9);
        Assert.Equal(1.0, c.Keypoints()["APm"], 12);
    }

    [Fact]
    public void Interpolated_precision_is_read_at_each_recall_point_and_zero_beyond_the_highest_recall()
    {
        // FP (0.5) ranks before TP (0.5) on one image, after a TP at 0.7: precision 1, then 2/3 at recall 1.
        var e = HandMadeCases.TiedScoresFalsePositiveFirst().Keypoints();
        var curve = e.PrecisionCurve(0);
        Assert.Equal(1.0, curve[0], 15);
        Assert.Equal(1.0, curve[50], 15);
        Assert.Equal(2.0 / 3.0, curve[51], 12);
        Assert.Equal(2.0 / 3.0, curve[100], 12);
        Assert.Equal(0.7, e.ScoreCurve(0)[50], 15);
        Assert.Equal(0.5, e.ScoreCurve(0)[100], 15);

        // One of two people found, after a false positive: precision 0.5 up to recall 0.5, then 0.
        var half = HandMadeCases.TiedScoresAcrossImages().Keypoints();
        Assert.Equal(0.5, half.Recall(0), 15);
        Assert.Equal(0.5, half.PrecisionCurve(0)[0], 15);
        Assert.Equal(0.5, half.PrecisionCurve(0)[50], 15);
        Assert.Equal(0, half.PrecisionCurve(0)[51]);
    }

    private static void AssertClose(double[] expected, CocoEvaluation actual)
    {
        Assert.Equal(expected.Length, actual.Stats.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Stats[i].Value) <= 1e-12, $"{actual.Kind} {actual.Stats[i].Name}: pycocotools {expected[i]}, ours {actual.Stats[i].Value}");
        }
    }
}
