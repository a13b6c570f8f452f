using EdgePose.Core.Poses;

namespace EdgePose.Core.Decoding;

/// <summary>Copies one row's K keypoints (x, y[, score]) into a detection; two-value keypoints get score 1.</summary>
internal static class KeypointReader
{
    public static void Copy(in OutputView view, int row, int firstValue, OutputLayout layout, PoseDetections detections, int index)
    {
        var kp = detections.Keypoints(index);
        int d = layout.KeypointDims;
        for (int k = 0; k < layout.KeypointCount; k++)
        {
            int v = firstValue + (k * d);
            kp[3 * k] = view[row, v];
            kp[(3 * k) + 1] = view[row, v + 1];
            kp[(3 * k) + 2] = d == 3 ? view[row, v + 2] : 1f;
        }
    }
}
