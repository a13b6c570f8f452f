using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;
using EdgePose.Core.Nms;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Inference;

/// <summary>
/// The merging step of the flip test (MMPose's flip_test, for detections): the detections of the mirrored
/// image are mapped back (x → W − x, box corners swapped, keypoint k taken from its mirror partner flip_idx[k]),
/// then each original detection, best score first, is paired with the unpaired mapped detection of the same
/// class that overlaps it most (box IoU ≥ <see cref="FlipTestOptions.MatchIou"/>). Paired detections become the
/// mean of the two (box corners, score, keypoint x, y and score); unpaired original detections are kept as they
/// are; unpaired mirrored ones are dropped. The result is ordered by score, best first (ties keep the original
/// order). Buffers are reused: no allocation once they have grown to the largest input.
/// </summary>
public sealed class FlipTestMerger
{
    private readonly int[] _flipIndex;
    private readonly double _matchIou;
    private PoseDetections _mapped;
    private int[] _partner = [];
    private bool[] _taken = [];
    private int[] _order = [];
    private ulong[] _keys = [];
    private float[] _scores = [];

    public FlipTestMerger(IReadOnlyList<int> flipIndex, FlipTestOptions? options = null)
    {
        _flipIndex = CheckedFlipIndex(flipIndex);
        _matchIou = (options ?? new FlipTestOptions()).MatchIou;
        if (!(_matchIou is >= 0 and <= 1))
        {
            throw new InputException($"flip test match IoU {_matchIou} is outside 0..1");
        }

        _mapped = new PoseDetections(0, _flipIndex.Length);
    }

    public int KeypointCount => _flipIndex.Length;

    /// <summary>
    /// Merges <paramref name="original"/> (detections of the image) with <paramref name="mirrored"/> (detections of
    /// its mirror, in the mirror's pixels) into <paramref name="merged"/>; <paramref name="imageWidth"/> is W.
    /// </summary>
    public void Merge(PoseDetections original, PoseDetections mirrored, float imageWidth, PoseDetections merged)
    {
        int k = KeypointCount;
        if (original.KeypointCount != k || mirrored.KeypointCount != k || merged.KeypointCount != k)
        {
            throw new ArgumentException($"flip test merges detections of {k} keypoints (flip_idx), got {original.KeypointCount}, {mirrored.KeypointCount} and {merged.KeypointCount}");
        }

        if (ReferenceEquals(merged, original) || ReferenceEquals(merged, mirrored))
        {
            throw new ArgumentException("the merged detections need their own buffer", nameof(merged));
        }

        if (merged.Capacity < original.Count)
        {
            throw new ArgumentException($"merged holds {merged.Capacity} detections, the original pass has {original.Count}", nameof(merged));
        }

        EnsureCapacity(original.Count, mirrored.Count);
        MapBack(mirrored, imageWidth);
        Pair(original);
        WriteMerged(original, merged);
    }

    /// <summary>The mirrored pass in the original image's pixels and keypoint order.</summary>
    private void MapBack(PoseDetections mirrored, float w)
    {
        _mapped.Clear();
        for (int j = 0; j < mirrored.Count; j++)
        {
            var b = mirrored.Box(j);
            int m = _mapped.Add(w - b[2], b[1], w - b[0], b[3], mirrored.Score(j), mirrored.ClassId(j), mirrored.Anchor(j));
            var src = mirrored.Keypoints(j);
            var dst = _mapped.Keypoints(m);
            for (int kp = 0; kp < _flipIndex.Length; kp++)
            {
                int f = _flipIndex[kp] * 3;
                dst[kp * 3] = w - src[f];
                dst[(kp * 3) + 1] = src[f + 1];
                dst[(kp * 3) + 2] = src[f + 2];
            }
        }
    }

    /// <summary>Greedy pairing: originals best score first, each taking the free mapped detection of highest IoU.</summary>
    private void Pair(PoseDetections original)
    {
        int n = original.Count;
        for (int i = 0; i < n; i++)
        {
            _scores[i] = original.Score(i);
        }

        ScoreOrder.Sort(_scores.AsSpan(0, n), _keys, _order);
        _taken.AsSpan(0, _mapped.Count).Clear();
        for (int oi = 0; oi < n; oi++)
        {
            int i = _order[oi];
            _partner[i] = -1;
            double best = _matchIou;
            var a = original.Box(i);
            for (int j = 0; j < _mapped.Count; j++)
            {
                if (_taken[j] || _mapped.ClassId(j) != original.ClassId(i))
                {
                    continue;
                }

                double iou = BoxIntersectionOverUnion.OfCorners(a, _mapped.Box(j));
                if (iou > best || (iou == best && _partner[i] < 0 && iou > 0))
                {
                    best = iou;
                    _partner[i] = j;
                }
            }

            if (_partner[i] >= 0)
            {
                _taken[_partner[i]] = true;
            }
        }
    }

    private void WriteMerged(PoseDetections original, PoseDetections merged)
    {
        int n = original.Count;
        for (int i = 0; i < n; i++)
        {
            _scores[i] = _partner[i] < 0 ? original.Score(i) : Mean(original.Score(i), _mapped.Score(_partner[i]));
        }

        ScoreOrder.Sort(_scores.AsSpan(0, n), _keys, _order);
        merged.Clear();
        for (int oi = 0; oi < n; oi++)
        {
            int i = _order[oi];
            int j = _partner[i];
            var a = original.Box(i);
            if (j < 0)
            {
                int d = merged.Add(a[0], a[1], a[2], a[3], _scores[i], original.ClassId(i), original.Anchor(i));
                original.Keypoints(i).CopyTo(merged.Keypoints(d));
                continue;
            }

            var b = _mapped.Box(j);
            int m = merged.Add(Mean(a[0], b[0]), Mean(a[1], b[1]), Mean(a[2], b[2]), Mean(a[3], b[3]), _scores[i], original.ClassId(i), original.Anchor(i));
            var ka = original.Keypoints(i);
            var kb = _mapped.Keypoints(j);
            var dst = merged.Keypoints(m);
            for (int v = 0; v < dst.Length; v++)
            {
                dst[v] = Mean(ka[v], kb[v]);
            }
        }
    }

    private static float Mean(float a, float b) => (a + b) * 0.5f;

    private void EnsureCapacity(int originals, int mirrored)
    {
        if (_mapped.Capacity < mirrored)
        {
            _mapped = new PoseDetections(Math.Max(mirrored, _mapped.Capacity * 2), KeypointCount);
            _taken = new bool[_mapped.Capacity];
        }

        if (_partner.Length < originals)
        {
            int cap = Math.Max(originals, _partner.Length * 2);
            _partner = new int[cap];
            _order = new int[cap];
            _keys = new ulong[cap];
            _scores = new float[cap];
        }
    }

    private static int[] CheckedFlipIndex(IReadOnlyList<int> flipIndex)
    {
        if (flipIndex.Count == 0)
        {
            throw new InputException("flip test needs flip_idx for the model's keypoints; it is empty");
        }

        return FlipIndex.Problem(flipIndex, flipIndex.Count) is { } problem
            ? throw new InputException($"flip test: {problem}")
            : flipIndex.ToArray();
    }
}
