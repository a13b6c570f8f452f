namespace EdgePose.Core.Poses;

/// <summary>
/// The detections of one image in reusable flat arrays: boxes (x1,y1,x2,y2), scores, class ids,
/// source anchor indices and K keypoints of (x, y, score) each. Allocated once for a capacity and
/// cleared per frame, so decoding allocates nothing.
/// </summary>
/// <remarks>Keypoints always hold three values; for two-value models (kpt_shape [K,2]) the score is 1.</remarks>
public sealed class PoseDetections
{
    private readonly float[] _boxes;
    private readonly float[] _scores;
    private readonly int[] _classIds;
    private readonly int[] _anchors;
    private readonly float[] _keypoints;

    public PoseDetections(int capacity, int keypointCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(keypointCount);
        Capacity = capacity;
        KeypointCount = keypointCount;
        _boxes = new float[capacity * 4];
        _scores = new float[capacity];
        _classIds = new int[capacity];
        _anchors = new int[capacity];
        _keypoints = new float[capacity * keypointCount * 3];
    }

    public int Capacity { get; }

    public int KeypointCount { get; }

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Appends one detection and returns its index; its keypoints are left to the caller.</summary>
    public int Add(float x1, float y1, float x2, float y2, float score, int classId, int anchor)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"PoseDetections is full ({Capacity})");
        }

        int i = Count++;
        _boxes[i * 4] = x1;
        _boxes[(i * 4) + 1] = y1;
        _boxes[(i * 4) + 2] = x2;
        _boxes[(i * 4) + 3] = y2;
        _scores[i] = score;
        _classIds[i] = classId;
        _anchors[i] = anchor;
        return i;
    }

    /// <summary>Box i as x1, y1, x2, y2.</summary>
    public Span<float> Box(int i) => _boxes.AsSpan(Checked(i) * 4, 4);

    public float Score(int i) => _scores[Checked(i)];

    public int ClassId(int i) => _classIds[Checked(i)];

    /// <summary>Index of the model output column (anchor) the detection came from; -1 if unknown.</summary>
    public int Anchor(int i) => _anchors[Checked(i)];

    /// <summary>Keypoints of detection i as K triples (x, y, score).</summary>
    public Span<float> Keypoints(int i) => _keypoints.AsSpan(Checked(i) * KeypointCount * 3, KeypointCount * 3);

    /// <summary>Makes this a copy of <paramref name="source"/>'s detections (same keypoint count, enough capacity); allocates nothing.</summary>
    public void CopyFrom(PoseDetections source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.KeypointCount != KeypointCount || source.Count > Capacity)
        {
            throw new ArgumentException($"cannot copy {source.Count} detections of {source.KeypointCount} keypoints into room for {Capacity} of {KeypointCount}", nameof(source));
        }

        int n = source.Count;
        source._boxes.AsSpan(0, n * 4).CopyTo(_boxes);
        source._scores.AsSpan(0, n).CopyTo(_scores);
        source._classIds.AsSpan(0, n).CopyTo(_classIds);
        source._anchors.AsSpan(0, n).CopyTo(_anchors);
        source._keypoints.AsSpan(0, n * KeypointCount * 3).CopyTo(_keypoints);
        Count = n;
    }

    private int Checked(int i)
    {
        if ((uint)i >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(i), i, $"detection index outside 0..{Count - 1}");
        }

        return i;
    }
}
