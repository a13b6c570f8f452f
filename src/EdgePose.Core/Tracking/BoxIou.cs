namespace EdgePose.Core.Tracking;

/// <summary>The IoU-based costs of ByteTrack's matching, in float32 as Ultralytics' bbox_ioa (eps 1e-7).</summary>
public static class BoxIou
{
    private const float Eps = 1e-7f;

    /// <summary>Intersection over union of two boxes x1, y1, x2, y2.</summary>
    public static float Iou(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float iw = Math.Max(Math.Min(a[2], b[2]) - Math.Max(a[0], b[0]), 0f);
        float ih = Math.Max(Math.Min(a[3], b[3]) - Math.Max(a[1], b[1]), 0f);
        float inter = iw * ih;
        float union = ((b[2] - b[0]) * (b[3] - b[1])) + ((a[2] - a[0]) * (a[3] - a[1])) - inter;
        return inter / (union + Eps);
    }

    /// <summary>
    /// Fills rows x cols costs 1 - IoU between row boxes and column boxes (4 floats each); with
    /// <paramref name="columnScores"/> the cost is 1 - IoU * score (Ultralytics' fuse_score).
    /// </summary>
    public static void Distances(
        ReadOnlySpan<float> rowBoxes, int rows, ReadOnlySpan<float> colBoxes, int cols, ReadOnlySpan<float> columnScores, Span<float> cost)
    {
        bool fuse = !columnScores.IsEmpty;
        for (int r = 0; r < rows; r++)
        {
            var a = rowBoxes.Slice(r * 4, 4);
            for (int c = 0; c < cols; c++)
            {
                // Two steps as Ultralytics rounds them: the IoU cost, then the fused cost from it.
                float d = 1f - Iou(a, colBoxes.Slice(c * 4, 4));
                if (fuse)
                {
                    d = 1f - ((1f - d) * columnScores[c]);
                }

                cost[(r * cols) + c] = d;
            }
        }
    }
}
