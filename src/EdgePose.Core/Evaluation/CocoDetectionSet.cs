using EdgePose.Core.Coco;
using EdgePose.Core.Errors;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// The detections to evaluate against one <see cref="CocoGroundTruth"/>, kept in flat growable arrays and fed
/// image by image (<see cref="Add(long, int, double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>,
/// <see cref="Add(long, PoseDetections, int)"/>) or loaded from a COCO results list with pycocotools'
/// loadRes rules (<see cref="FromResults"/>). The order of detections within an image is kept: pycocotools
/// sorts them by score with a stable sort, so equal scores stay in the order they were added.
/// </summary>
public sealed class CocoDetectionSet
{
    private int[] _imageIndex;
    private int[] _categoryIndex;
    private double[] _scores;
    private double[] _boxes;
    private double[] _areas;
    private double[] _keypoints;
    private bool[] _hasKeypoints;
    private double[] _scratch = [];

    public CocoDetectionSet(CocoGroundTruth groundTruth, DetectionAreaRule areaRule = DetectionAreaRule.BoxArea, int initialCapacity = 256)
    {
        GroundTruth = groundTruth;
        AreaRule = areaRule;
        int cap = Math.Max(1, initialCapacity);
        _imageIndex = new int[cap];
        _categoryIndex = new int[cap];
        _scores = new double[cap];
        _boxes = new double[cap * 4];
        _areas = new double[cap];
        _keypoints = new double[cap * KeypointStride];
        _hasKeypoints = new bool[cap];
    }

    public CocoGroundTruth GroundTruth { get; }

    public DetectionAreaRule AreaRule { get; }

    public int Count { get; private set; }

    /// <summary>Values per detection in <see cref="Keypoints"/>: 3 × the ground truth's K.</summary>
    public int KeypointStride => GroundTruth.KeypointCount * 3;

    internal ReadOnlySpan<int> ImageIndices => _imageIndex.AsSpan(0, Count);

    internal ReadOnlySpan<int> CategoryIndices => _categoryIndex.AsSpan(0, Count);

    internal ReadOnlySpan<double> Scores => _scores.AsSpan(0, Count);

    /// <summary>x, y, w, h per detection (for <see cref="DetectionAreaRule.KeypointExtent"/> the keypoints' extent).</summary>
    internal ReadOnlySpan<double> Boxes => _boxes.AsSpan(0, Count * 4);

    internal ReadOnlySpan<double> Areas => _areas.AsSpan(0, Count);

    internal ReadOnlySpan<double> Keypoints => _keypoints.AsSpan(0, Count * KeypointStride);

    internal ReadOnlySpan<bool> HasKeypoints => _hasKeypoints.AsSpan(0, Count);

    /// <summary>
    /// pycocotools' loadRes: every image id must be one of the ground truth's; the first result decides the area
    /// rule (a non-empty bbox: box area; else keypoints: keypoint extent). <paramref name="source"/> names the file.
    /// </summary>
    public static CocoDetectionSet FromResults(CocoGroundTruth groundTruth, IReadOnlyList<CocoDetection> results, string source)
    {
        var rule = results.Count > 0 && results[0].Bbox.Length == 0 && results[0].Keypoints is not null
            ? DetectionAreaRule.KeypointExtent
            : DetectionAreaRule.BoxArea;
        var set = new CocoDetectionSet(groundTruth, rule, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (rule == DetectionAreaRule.BoxArea && r.Bbox.Length != 4)
            {
                throw new FormatException($"{source}: result {i} (image {r.ImageId}) has {r.Bbox.Length} bbox values, expected 4 (x, y, w, h) like the first result");
            }

            if (rule == DetectionAreaRule.KeypointExtent && r.Keypoints is not { Length: > 0 })
            {
                throw new FormatException($"{source}: result {i} (image {r.ImageId}) has no keypoints, but the first result has keypoints and no bbox");
            }

            try
            {
                set.Add(r.ImageId, r.CategoryId, r.Score, r.Bbox, r.Keypoints);
            }
            catch (InputException e)
            {
                throw new InputException($"{source}: result {i}: {e.Message}", e);
            }
        }

        return set;
    }

    /// <summary>
    /// Adds one detection. <paramref name="boxXywh"/> is x, y, w, h (may be empty under
    /// <see cref="DetectionAreaRule.KeypointExtent"/>); <paramref name="keypoints"/> holds K (x, y, score)
    /// triples or is empty for a box-only detection.
    /// </summary>
    public void Add(long imageId, int categoryId, double score, ReadOnlySpan<double> boxXywh, ReadOnlySpan<double> keypoints)
    {
        var gt = GroundTruth;
        if (!gt.TryGetImageIndex(imageId, out int image))
        {
            throw new InputException($"detection names image id {imageId}, which is not an image of the ground truth {gt.Source}");
        }

        if (!gt.TryGetCategoryIndex(categoryId, out int category))
        {
            throw new InputException($"detection on image {imageId} names category id {categoryId}, which is not a category of the ground truth {gt.Source} ({string.Join(", ", gt.CategoryIds)})");
        }

        if (!keypoints.IsEmpty && gt.KeypointCount > 0 && keypoints.Length != KeypointStride)
        {
            throw new InputException($"detection on image {imageId} has {keypoints.Length} keypoint values ({keypoints.Length / 3.0:0.##} keypoints), but the ground truth {gt.Source} has {gt.KeypointCount} keypoints per object ({KeypointStride} values)");
        }

        if (AreaRule == DetectionAreaRule.KeypointExtent ? keypoints.IsEmpty : boxXywh.Length != 4)
        {
            throw new InputException(AreaRule == DetectionAreaRule.KeypointExtent
                ? $"detection on image {imageId} has no keypoints to take its box and area from"
                : $"detection on image {imageId} has {boxXywh.Length} box values, expected 4 (x, y, w, h)");
        }

        if (double.IsNaN(score))
        {
            throw new InputException($"detection on image {imageId} has a NaN score");
        }

        if (Count == _scores.Length)
        {
            Grow();
        }

        int i = Count++;
        _imageIndex[i] = image;
        _categoryIndex[i] = category;
        _scores[i] = score;
        var box = _boxes.AsSpan(i * 4, 4);
        if (AreaRule == DetectionAreaRule.KeypointExtent)
        {
            KeypointExtent(keypoints, box);
        }
        else
        {
            boxXywh.CopyTo(box);
        }

        _areas[i] = box[2] * box[3];
        _hasKeypoints[i] = !keypoints.IsEmpty && KeypointStride > 0;
        if (_hasKeypoints[i])
        {
            keypoints.CopyTo(_keypoints.AsSpan(i * KeypointStride, KeypointStride));
        }
    }

    /// <summary>Adds the detections of one image from the pose pipeline (boxes x1, y1, x2, y2; keypoints x, y, score).</summary>
    public void Add(long imageId, PoseDetections poses, int categoryId = 1)
    {
        Span<double> box = stackalloc double[4];
        int values = poses.KeypointCount * 3;
        if (_scratch.Length < values)
        {
            _scratch = new double[values];
        }

        var kp = _scratch.AsSpan(0, values);
        for (int d = 0; d < poses.Count; d++)
        {
            var b = poses.Box(d);
            box[0] = b[0];
            box[1] = b[1];
            box[2] = b[2] - b[0];
            box[3] = b[3] - b[1];
            var src = poses.Keypoints(d);
            for (int j = 0; j < values; j++)
            {
                kp[j] = src[j];
            }

            Add(imageId, categoryId, poses.Score(d), box, kp);
        }
    }

    public void Clear() => Count = 0;

    private static void KeypointExtent(ReadOnlySpan<double> keypoints, Span<double> box)
    {
        double x0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y0 = double.PositiveInfinity, y1 = double.NegativeInfinity;
        for (int j = 0; j + 1 < keypoints.Length; j += 3)
        {
            x0 = Math.Min(x0, keypoints[j]);
            x1 = Math.Max(x1, keypoints[j]);
            y0 = Math.Min(y0, keypoints[j + 1]);
            y1 = Math.Max(y1, keypoints[j + 1]);
        }

        box[0] = x0;
        box[1] = y0;
        box[2] = x1 - x0;
        box[3] = y1 - y0;
    }

    private void Grow()
    {
        int cap = _scores.Length * 2;
        Array.Resize(ref _imageIndex, cap);
        Array.Resize(ref _categoryIndex, cap);
        Array.Resize(ref _scores, cap);
        Array.Resize(ref _boxes, cap * 4);
        Array.Resize(ref _areas, cap);
        Array.Resize(ref _keypoints, cap * KeypointStride);
        Array.Resize(ref _hasKeypoints, cap);
    }
}
