namespace EdgePose.Core.Evaluation;

/// <summary>What a COCO evaluation compares: keypoints by OKS (pycocotools iouType "keypoints") or boxes by IoU ("bbox").</summary>
public enum CocoEvaluationKind
{
    Keypoints,
    Boxes,
}
