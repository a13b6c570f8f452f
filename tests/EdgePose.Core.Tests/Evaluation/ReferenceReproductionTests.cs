using System.Text.Json;
using EdgePose.Core.Coco;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Evaluation;

/// <summary>
/// The reference predictions of ../shared/reference evaluated against coco-mini val2017 reproduce the numbers
/// real pycocotools wrote into stats.json (keypoints: 10, bbox: 12), and its printed summary lines.
/// </summary>
public class ReferenceReproductionTests
{
    private const string GroundTruthFile = "data/coco-mini/annotations/person_keypoints_val2017.json";
    private const double Tolerance = 1e-4;

    [RequiresSharedTheory(GroundTruthFile, "reference/stats.json", "reference/coco-mini-val2017_val_results.json", "reference/coco-mini-val2017_predict_results.json")]
    [InlineData("val", "coco-mini-val2017_val_results.json")]
    [InlineData("predict", "coco-mini-val2017_predict_results.json")]
    public void Keypoint_numbers_match_pycocotools(string setting, string resultsFile)
    {
        var (detections, expected) = Load(setting, resultsFile);
        var e = CocoEvaluator.EvaluateKeypoints(detections, KeypointMeta.Coco17.Sigmas);
        AssertStats(expected.GetProperty("keypoints"), e);
        Assert.Equal(
            expected.GetProperty("keypoints_summary_text").EnumerateArray().Select(x => x.GetString()),
            e.SummaryLines);
    }

    [RequiresSharedTheory(GroundTruthFile, "reference/stats.json", "reference/coco-mini-val2017_val_results.json", "reference/coco-mini-val2017_predict_results.json")]
    [InlineData("val", "coco-mini-val2017_val_results.json")]
    [InlineData("predict", "coco-mini-val2017_predict_results.json")]
    public void Box_numbers_match_pycocotools(string setting, string resultsFile)
    {
        var (detections, expected) = Load(setting, resultsFile);
        var e = CocoEvaluator.EvaluateBoxes(detections);
        AssertStats(expected.GetProperty("bbox"), e);
        Assert.Equal(
            expected.GetProperty("bbox_summary_text").EnumerateArray().Select(x => x.GetString()),
            e.SummaryLines);
    }

    [RequiresSharedFact(GroundTruthFile, "reference/coco-mini-val2017_val_results.json")]
    public void Precision_curves_and_keypoint_errors_are_there_for_plots()
    {
        var (detections, _) = Load("val", "coco-mini-val2017_val_results.json");
        var e = CocoEvaluator.EvaluateKeypoints(detections, KeypointMeta.Coco17.Sigmas);
        Assert.Equal(1820, e.DetectionCount);
        for (int t = 0; t < e.Parameters.IouThresholds.Count; t++)
        {
            var curve = e.PrecisionCurve(t);
            Assert.Equal(101, curve.Length);
            for (int r = 1; r < curve.Length; r++)
            {
                Assert.True(curve[r] <= curve[r - 1], "interpolated precision never rises with recall");
            }
        }

        Assert.Equal(0.7205882352941176, e.Recall(0), 12);
        var errors = e.KeypointErrors!;
        Assert.Equal(17, errors.KeypointCount);
        Assert.All(errors.Counts, c => Assert.InRange(c, 1, 68));
        Assert.All(errors.MeanSimilarity, s => Assert.InRange(s, 0.0, 1.0));
        Assert.All(errors.MeanPixelDistance, d => Assert.True(d > 0));
    }

    [RequiresSharedFact(GroundTruthFile, "reference/stats.json", "reference/coco-mini-val2017_val_results.json")]
    public void Detections_fed_image_by_image_from_the_pose_pipeline_give_the_same_numbers()
    {
        var (fromFile, expected) = Load("val", "coco-mini-val2017_val_results.json");
        var resPath = TestPaths.Reference("coco-mini-val2017_val_results.json");
        var results = CocoJson.ParseResults(File.ReadAllText(resPath), resPath);
        var fed = new CocoDetectionSet(fromFile.GroundTruth);
        var poses = new PoseDetections(300, 17);
        foreach (var image in results.GroupBy(r => r.ImageId))
        {
            poses.Clear();
            foreach (var r in image)
            {
                var b = r.Bbox;
                int i = poses.Add((float)b[0], (float)b[1], (float)(b[0] + b[2]), (float)(b[1] + b[3]), (float)r.Score, 0, -1);
                var kp = poses.Keypoints(i);
                for (int j = 0; j < kp.Length; j++)
                {
                    kp[j] = (float)r.Keypoints![j];
                }
            }

            fed.Add(image.Key, poses);
        }

        Assert.Equal(1820, fed.Count);
        AssertStats(expected.GetProperty("keypoints"), CocoEvaluator.EvaluateKeypoints(fed, KeypointMeta.Coco17.Sigmas));
        AssertStats(expected.GetProperty("bbox"), CocoEvaluator.EvaluateBoxes(fed));
    }

    private static (CocoDetectionSet Detections, JsonElement Expected) Load(string setting, string resultsFile)
    {
        var gtPath = TestPaths.Shared(GroundTruthFile);
        var gt = CocoGroundTruth.From(CocoJson.ParseDataset(File.ReadAllText(gtPath), gtPath), gtPath);
        var resPath = TestPaths.Reference(resultsFile);
        var detections = CocoDetectionSet.FromResults(gt, CocoJson.ParseResults(File.ReadAllText(resPath), resPath), resPath);
        using var stats = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference("stats.json")));
        return (detections, stats.RootElement.GetProperty(setting).Clone());
    }

    private static void AssertStats(JsonElement expected, CocoEvaluation actual)
    {
        var names = expected.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names, actual.Stats.Select(s => s.Name));
        foreach (var p in expected.EnumerateObject())
        {
            double want = p.Value.GetDouble(), got = actual[p.Name];
            Assert.True(Math.Abs(want - got) <= Tolerance, $"{p.Name}: pycocotools {want}, ours {got}");
        }
    }
}
