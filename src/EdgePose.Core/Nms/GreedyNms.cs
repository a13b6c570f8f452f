namespace EdgePose.Core.Nms;

/// <summary>
/// Greedy non-maximum suppression with torchvision's semantics (what Ultralytics calls): visit boxes by
/// descending score (ties: lower index first), keep a box unless an already kept box overlaps it with
/// IoU strictly above the threshold. IoU is computed in float32 and compared in double, as the reference
/// kernel does. Buffers grow to the largest input seen and are reused: no allocation after warm-up.
/// </summary>
public sealed class GreedyNms
{
    private ulong[] _keys = [];
    private int[] _order = [];
    private float[] _areas = [];
    private bool[] _suppressed = [];

    /// <summary>
    /// Suppresses among <paramref name="boxesXyxy"/> (4 floats per box) and writes the kept indices, best
    /// first, into <paramref name="keep"/>; returns how many. Stops once <paramref name="keep"/> is full
    /// (the first kept boxes do not depend on later ones).
    /// </summary>
    public int Run(ReadOnlySpan<float> boxesXyxy, ReadOnlySpan<float> scores, double iouThreshold, Span<int> keep)
    {
        int n = scores.Length;
        if (boxesXyxy.Length < n * 4)
        {
            throw new ArgumentException($"{boxesXyxy.Length / 4} boxes for {n} scores", nameof(boxesXyxy));
        }

        if (n == 0 || keep.Length == 0)
        {
            return 0;
        }

        EnsureCapacity(n);
        ScoreOrder.Sort(scores, _keys, _order);
        var areas = _areas.AsSpan(0, n);
        var suppressed = _suppressed.AsSpan(0, n);
        suppressed.Clear();
        for (int i = 0; i < n; i++)
        {
            areas[i] = (boxesXyxy[(4 * i) + 2] - boxesXyxy[4 * i]) * (boxesXyxy[(4 * i) + 3] - boxesXyxy[(4 * i) + 1]);
        }

        int kept = 0;
        var order = _order.AsSpan(0, n);
        for (int oi = 0; oi < n; oi++)
        {
            int i = order[oi];
            if (suppressed[i])
            {
                continue;
            }

            keep[kept++] = i;
            if (kept == keep.Length)
            {
                break;
            }

            float ix1 = boxesXyxy[4 * i], iy1 = boxesXyxy[(4 * i) + 1], ix2 = boxesXyxy[(4 * i) + 2], iy2 = boxesXyxy[(4 * i) + 3];
            float iarea = areas[i];
            for (int oj = oi + 1; oj < n; oj++)
            {
                int j = order[oj];
                if (suppressed[j])
                {
                    continue;
                }

                float w = MathF.Max(0f, MathF.Min(ix2, boxesXyxy[(4 * j) + 2]) - MathF.Max(ix1, boxesXyxy[4 * j]));
                float h = MathF.Max(0f, MathF.Min(iy2, boxesXyxy[(4 * j) + 3]) - MathF.Max(iy1, boxesXyxy[(4 * j) + 1]));
                float inter = w * h;
                float iou = inter / (iarea + areas[j] - inter);
                if (iou > iouThreshold)
                {
                    suppressed[j] = true;
                }
            }
        }

        return kept;
    }

    private void EnsureCapacity(int n)
    {
        if (_keys.Length >= n)
        {
            return;
        }

        int cap = Math.Max(n, _keys.Length * 2);
        _keys = new ulong[cap];
        _order = new int[cap];
        _areas = new float[cap];
        _suppressed = new bool[cap];
    }
}
