using EdgePose.Core.Coco;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Evaluation;

/// <summary>
/// A hand-made COCO keypoints case: images, people (17 keypoints on a grid inside their box) and detections
/// near them or anywhere. The same case serialised to json is what pycocotools was run on for the expected numbers.
/// </summary>
internal sealed class CocoCase
{
    public const int K = 17;
    private long _nextAnnotationId = 1;

    public CocoCase(params long[] imageIds)
    {
        Dataset = new CocoDataset
        {
            Images = imageIds.Select(id => new CocoImage { Id = id, FileName = $"{id}.jpg", Width = 640, Height = 480 }).ToList(),
            Categories = [new CocoCategory { Id = 1, Name = "person", Keypoints = KeypointMeta.Coco17.KeypointNames.ToArray(), Skeleton = [] }],
        };
    }

    public CocoDataset Dataset { get; }

    public List<CocoDetection> Results { get; } = [];

    /// <summary>A person with all 17 keypoints visible on a grid in its box; area defaults to w × h.</summary>
    public CocoAnnotation Person(long imageId, double x, double y, double w, double h, double? area = null)
    {
        var a = new CocoAnnotation
        {
            Id = _nextAnnotationId++,
            ImageId = imageId,
            CategoryId = 1,
            Bbox = [x, y, w, h],
            Area = area ?? w * h,
            Keypoints = GridKeypoints(x, y, w, h, 2),
            NumKeypoints = K,
        };
        Dataset.Annotations.Add(a);
        return a;
    }

    /// <summary>A crowd region: iscrowd 1, no keypoints labelled.</summary>
    public CocoAnnotation Crowd(long imageId, double x, double y, double w, double h)
    {
        var a = Person(imageId, x, y, w, h);
        a.Iscrowd = 1;
        a.Keypoints = new double[K * 3];
        a.NumKeypoints = 0;
        return a;
    }

    /// <summary>A detection of <paramref name="target"/>: its box and keypoints moved by <paramref name="shift"/> pixels in x.</summary>
    public CocoDetection Detect(CocoAnnotation target, double score, double shift = 0)
    {
        var kp = target.Keypoints!.ToArray();
        for (int k = 0; k < K; k++)
        {
            kp[k * 3] += shift;
            kp[(k * 3) + 2] = 0.9;
        }

        var d = new CocoDetection
        {
            ImageId = target.ImageId,
            CategoryId = 1,
            Bbox = [target.Bbox[0] + shift, target.Bbox[1], target.Bbox[2], target.Bbox[3]],
            Keypoints = kp,
            Score = score,
        };
        Results.Add(d);
        return d;
    }

    /// <summary>A detection with its keypoints on a grid in the given box.</summary>
    public CocoDetection DetectAt(long imageId, double score, double x, double y, double w, double h)
    {
        var kp = GridKeypoints(x, y, w, h, 0.9);
        var d = new CocoDetection { ImageId = imageId, CategoryId = 1, Bbox = [x, y, w, h], Keypoints = kp, Score = score };
        Results.Add(d);
        return d;
    }

    public CocoGroundTruth GroundTruth() => CocoGroundTruth.From(Dataset, "case.json");

    public CocoDetectionSet Detections() => CocoDetectionSet.FromResults(GroundTruth(), Results, "case_results.json");

    public CocoEvaluation Keypoints() => CocoEvaluator.EvaluateKeypoints(Detections(), KeypointMeta.Coco17.Sigmas);

    public CocoEvaluation Boxes() => CocoEvaluator.EvaluateBoxes(Detections());

    private static double[] GridKeypoints(double x, double y, double w, double h, double third)
    {
        var kp = new double[K * 3];
        for (int k = 0; k < K; k++)
        {
            kp[k * 3] = x + (w * (0.2 + (0.6 * (k % 3) / 2)));
            kp[(k * 3) + 1] = y + (h * (0.1 + (0.8 * (k / 3) / 5)));
            kp[(k * 3) + 2] = third;
        }

        return kp;
    }
}
