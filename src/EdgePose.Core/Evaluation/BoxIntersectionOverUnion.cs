namespace EdgePose.Core.Evaluation;

/// <summary>
/// Intersection over union of x, y, w, h boxes with pycocotools' crowd rule: against a crowd region the
/// intersection is divided by the detection's own area (a detection inside a crowd scores 1).
/// </summary>
public static class BoxIntersectionOverUnion
{
    public static double Compute(ReadOnlySpan<double> detection, ReadOnlySpan<double> groundTruth, bool groundTruthIsCrowd)
    {
        double w = Math.Min(detection[2] + detection[0], groundTruth[2] + groundTruth[0]) - Math.Max(detection[0], groundTruth[0]);
        if (w <= 0)
        {
            return 0;
        }

        double h = Math.Min(detection[3] + detection[1], groundTruth[3] + groundTruth[1]) - Math.Max(detection[1], groundTruth[1]);
        if (h <= 0)
        {
            return 0;
        }

        double intersection = w * h;
        double detectionArea = detection[2] * detection[3];
        double union = groundTruthIsCrowd ? detectionArea : detectionArea + (groundTruth[2] * groundTruth[3]) - intersection;
        return intersection / union;
    }
}
