namespace EdgePose.Core.Coco;

/// <summary>
/// One entry of a COCO results file: a detection with box [x, y, w, h], keypoints as x, y, score triples
/// (the third value is the predicted keypoint score, not a visibility flag) and the detection score.
/// </summary>
public sealed class CocoDetection
{
    public long ImageId { get; set; }

    public int CategoryId { get; set; }

    public double[] Bbox { get; set; } = [];

    public double[]? Keypoints { get; set; }

    public double Score { get; set; }
}
