using EdgePose.Core.Errors;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// The settings of one COCO evaluation, pycocotools' Params: similarity thresholds (OKS or IoU), recall
/// thresholds of the interpolated precision, area ranges, detections kept per image and, for keypoints,
/// the per-keypoint OKS sigmas. <see cref="ForKeypoints"/> and <see cref="ForBoxes"/> give pycocotools' defaults.
/// </summary>
public sealed class CocoEvaluationParameters
{
    public required CocoEvaluationKind Kind { get; init; }

    /// <summary>OKS or IoU thresholds, ascending (default 0.50:0.05:0.95).</summary>
    public required IReadOnlyList<double> IouThresholds { get; init; }

    /// <summary>Recall points of the interpolated precision, ascending (default 0:0.01:1, 101 points).</summary>
    public required IReadOnlyList<double> RecallThresholds { get; init; }

    /// <summary>Area ranges; the first is "all" in the defaults and is the one the per-keypoint errors use.</summary>
    public required IReadOnlyList<AreaRange> AreaRanges { get; init; }

    /// <summary>Detections kept per image, ascending; the largest bounds the matching (keypoints 20, boxes 1/10/100).</summary>
    public required IReadOnlyList<int> MaxDetections { get; init; }

    /// <summary>Per-keypoint OKS sigmas (keypoint evaluation only; KeypointMeta.Sigmas of the data set).</summary>
    public IReadOnlyList<double>? Sigmas { get; init; }

    public static CocoEvaluationParameters ForKeypoints(IReadOnlyList<double> sigmas) => new()
    {
        Kind = CocoEvaluationKind.Keypoints,
        IouThresholds = DefaultIouThresholds(),
        RecallThresholds = DefaultRecallThresholds(),
        AreaRanges = [AreaRange.All, AreaRange.Medium, AreaRange.Large],
        MaxDetections = [20],
        Sigmas = sigmas,
    };

    public static CocoEvaluationParameters ForBoxes() => new()
    {
        Kind = CocoEvaluationKind.Boxes,
        IouThresholds = DefaultIouThresholds(),
        RecallThresholds = DefaultRecallThresholds(),
        AreaRanges = [AreaRange.All, AreaRange.Small, AreaRange.Medium, AreaRange.Large],
        MaxDetections = [1, 10, 100],
    };

    public static double[] DefaultIouThresholds() => Linspace.Inclusive(0.5, 0.95, 10);

    public static double[] DefaultRecallThresholds() => Linspace.Inclusive(0.0, 1.0, 101);

    /// <summary>Throws <see cref="InputException"/> naming the first setting that cannot be evaluated.</summary>
    public void Validate()
    {
        if (IouThresholds.Count == 0 || RecallThresholds.Count == 0 || AreaRanges.Count == 0 || MaxDetections.Count == 0)
        {
            throw new InputException("COCO evaluation parameters: thresholds, recall points, area ranges and max detections must not be empty");
        }

        if (!IsAscending(IouThresholds) || !IsAscending(RecallThresholds))
        {
            throw new InputException("COCO evaluation parameters: thresholds and recall points must be ascending");
        }

        for (int i = 0; i < MaxDetections.Count; i++)
        {
            if (MaxDetections[i] < 1 || (i > 0 && MaxDetections[i] <= MaxDetections[i - 1]))
            {
                throw new InputException($"COCO evaluation parameters: max detections [{string.Join(", ", MaxDetections)}] must be positive and ascending");
            }
        }

        if (Kind == CocoEvaluationKind.Keypoints)
        {
            if (Sigmas is not { Count: > 0 })
            {
                throw new InputException("COCO keypoint evaluation needs per-keypoint OKS sigmas");
            }

            foreach (var s in Sigmas)
            {
                if (!(s > 0))
                {
                    throw new InputException($"COCO keypoint evaluation: OKS sigma {s} must be positive");
                }
            }
        }
    }

    private static bool IsAscending(IReadOnlyList<double> v)
    {
        for (int i = 1; i < v.Count; i++)
        {
            if (!(v[i] > v[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
