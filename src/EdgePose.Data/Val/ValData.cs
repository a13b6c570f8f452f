using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;

namespace EdgePose.Data.Val;

/// <summary>
/// A validation set ready to evaluate: the ground truth, the image files by id, the keypoint meta information
/// (OKS sigmas, flip_idx), and how it was read (<see cref="Notes"/> states what was assumed, e.g. the area policy).
/// </summary>
public sealed record ValData
{
    public required string Source { get; init; }

    /// <summary>"COCO keypoints json" or "Ultralytics data.yaml (val split)".</summary>
    public required string Format { get; init; }

    public required CocoGroundTruth GroundTruth { get; init; }

    public required IReadOnlyList<ValImage> Images { get; init; }

    public required KeypointMeta Meta { get; init; }

    /// <summary>Values per keypoint the data declares (kpt_shape D), or null when it does not say (COCO json).</summary>
    public int? KeypointDims { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The category id of each model class: the keypoint categories in id order (class 0 → the first).</summary>
    public required IReadOnlyList<int> CategoryOfClass { get; init; }

    /// <summary>Ground-truth objects with at least one labelled keypoint, not crowd: what keypoint AP is about.</summary>
    public int KeypointInstances
    {
        get
        {
            int n = 0;
            for (int a = 0; a < GroundTruth.AnnotationCount; a++)
            {
                n += !GroundTruth.IsCrowd[a] && GroundTruth.NumKeypoints[a] > 0 ? 1 : 0;
            }

            return n;
        }
    }
}
