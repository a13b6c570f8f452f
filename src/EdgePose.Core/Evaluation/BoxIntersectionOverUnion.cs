namespace EdgePose.Core.Evaluation;

/// <summary>
/// Intersection over union of two boxes, in double: 0 when they do not overlap. COCO evaluation gives
/// x, y, w, h boxes with pycocotools' crowd rule (against a crowd region the intersection is divided by
/// the detection's own area, so a detection inside a crowd scores 1); the flip test gives x1, y1, x2, y2
/// corners. NMS keeps its own float32 IoU (<see cref="Nms.GreedyNms"/>), as torchvision's kernel computes it.
/// </summary>
public static class BoxIntersectionOverUnion
{
    /// <summary>IoU of x, y, w, h boxes; against a crowd ground truth, intersection over the detection's area.</summary>
    public static double Compute(ReadOnlySpan<double> detection, ReadOnlySpan<double> groundTruth, bool groundTruthIsCrowd) =>
        Of(
            detection[0], detection[1], detection[2] + detection[0], detection[3] + detection[1], detection[2] * detection[3],
            groundTruth[0], groundTruth[1], groundTruth[2] + groundTruth[0], groundTruth[3] + groundTruth[1], groundTruth[2] * groundTruth[3],
            groundTruthIsCrowd);

    /// <summary>IoU of two x1, y1, x2, y2 boxes.</summary>
    public static double OfCorners(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ax1 = a[0], ay1 = a[1], ax2 = a[2], ay2 = a[3];
        double bx1 = b[0], by1 = b[1], bx2 = b[2], by2 = b[3];
        return Of(ax1, ay1, ax2, ay2, (ax2 - ax1) * (ay2 - ay1), bx1, by1, bx2, by2, (bx2 - bx1) * (by2 - by1), crowd: false);
    }

    private static double Of(double ax1, double ay1, double ax2, double ay2, double aArea, double bx1, double by1, double bx2, double by2, double bArea, bool crowd)
    {
        double w = Math.Min(ax2, bx2) - Math.Max(ax1, bx1);
        if (w <= 0)
        {
            return 0;
        }

        double h = Math.Min(ay2, by2) - Math.Max(ay1, by1);
        if (h <= 0)
        {
            return 0;
        }

        double intersection = w * h;
        double union = crowd ? aArea : aArea + bArea - intersection;
        return intersection / union;
    }
}
