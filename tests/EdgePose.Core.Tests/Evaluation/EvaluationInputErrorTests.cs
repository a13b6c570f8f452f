using EdgePose.Core.Coco;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Evaluation;

public class EvaluationInputErrorTests
{
    [Fact]
    public void Ground_truth_without_keypoint_names_is_rejected_for_keypoint_evaluation_but_serves_for_boxes()
    {
        var c = HandMadeCases.CrowdRegion();
        c.Dataset.Categories[0].Keypoints = null;
        foreach (var a in c.Dataset.Annotations)
        {
            a.Keypoints = null;
        }

        var detections = c.Detections();
        var e = Assert.Throws<InputException>(() => CocoEvaluator.EvaluateKeypoints(detections, KeypointMeta.Coco17.Sigmas));
        AssertOneLine(e, "case.json: no category names keypoints");
        Assert.Equal(0.9, CocoEvaluator.EvaluateBoxes(detections)["AP"], 12);
    }

    [Fact]
    public void Results_for_an_image_the_ground_truth_does_not_have_are_rejected_naming_the_image_id()
    {
        var c = HandMadeCases.CrowdRegion();
        c.DetectAt(999, 0.5, 0, 0, 10, 10);
        var e = Assert.Throws<InputException>(c.Detections);
        AssertOneLine(e, "case_results.json: result 4: detection names image id 999, which is not an image of the ground truth case.json");
    }

    [Fact]
    public void Results_with_another_keypoint_count_than_the_ground_truth_are_rejected()
    {
        var c = HandMadeCases.CrowdRegion();
        c.Results[2].Keypoints = new double[5 * 3];
        var e = Assert.Throws<InputException>(c.Detections);
        AssertOneLine(e, "result 2: detection on image 1 has 15 keypoint values (5 keypoints), but the ground truth case.json has 17 keypoints per object (51 values)");
    }

    [Fact]
    public void Sigmas_for_another_keypoint_count_are_rejected()
    {
        var detections = HandMadeCases.CrowdRegion().Detections();
        var e = Assert.Throws<InputException>(() => CocoEvaluator.EvaluateKeypoints(detections, [0.1, 0.1, 0.1]));
        AssertOneLine(e, "3 OKS sigmas given for the 17 keypoints per object of case.json");
    }

    [Fact]
    public void Results_naming_a_category_the_ground_truth_does_not_have_are_rejected()
    {
        var c = HandMadeCases.CrowdRegion();
        c.Results[1].CategoryId = 0;
        var e = Assert.Throws<InputException>(c.Detections);
        AssertOneLine(e, "names category id 0, which is not a category of the ground truth case.json (1)");
    }

    [Fact]
    public void A_result_without_a_box_after_results_with_boxes_is_malformed()
    {
        var c = HandMadeCases.CrowdRegion();
        c.Results[3].Bbox = [];
        var e = Assert.Throws<FormatException>(c.Detections);
        AssertOneLine(e, "case_results.json: result 3 (image 1) has 0 bbox values, expected 4");
    }

    [Fact]
    public void Box_only_detections_cannot_be_evaluated_by_keypoints()
    {
        var c = HandMadeCases.CrowdRegion();
        var detections = new CocoDetectionSet(c.GroundTruth());
        detections.Add(1, 1, 0.9, [0, 0, 10, 10], []);
        var e = Assert.Throws<InputException>(() => CocoEvaluator.EvaluateKeypoints(detections, KeypointMeta.Coco17.Sigmas));
        AssertOneLine(e, "detection 0 on image 1 has no keypoints; keypoint evaluation against case.json needs 17 per detection");
    }

    [Fact]
    public void Ground_truth_categories_with_different_keypoint_counts_are_rejected()
    {
        var c = HandMadeCases.CrowdRegion();
        c.Dataset.Categories.Add(new CocoCategory { Id = 2, Name = "hand", Keypoints = ["a", "b"] });
        var e = Assert.Throws<InputException>(c.GroundTruth);
        AssertOneLine(e, "case.json: categories 1 and 2 have different keypoint counts (17 and 2)");
    }

    [Fact]
    public void Pck_with_given_sizes_needs_a_size_for_every_counted_person()
    {
        var detections = HandMadeCases.CrowdRegion().Detections();
        var options = new PckOptions { Normalization = PckNormalization.GivenSize, InstanceSizes = new Dictionary<long, double>() };
        var e = Assert.Throws<InputException>(() => PckEvaluator.Evaluate(detections, options));
        AssertOneLine(e, "PCK: no normalising size given for ground-truth annotation 1");
    }

    private static void AssertOneLine(Exception e, string expected)
    {
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
