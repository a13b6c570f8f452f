using EdgePose.Core.Coco;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// A COCO ground truth laid out for evaluation: images sorted by id, categories sorted by id, and the
/// annotations of each (image, category) cell contiguous in file order in flat arrays (box x, y, w, h, area,
/// iscrowd, num_keypoints, K keypoint triples). Built once per data set; evaluations only read it.
/// </summary>
public sealed class CocoGroundTruth
{
    private readonly Dictionary<long, int> _imageIndex;
    private readonly Dictionary<int, int> _categoryIndex;
    private readonly int[] _cellStart;

    private CocoGroundTruth(CocoDataset dataset, string source)
    {
        Source = source;
        CocoJson.Validate(dataset, source);

        ImageIds = dataset.Images.Select(i => i.Id).Order().ToArray();
        _imageIndex = new Dictionary<long, int>(ImageIds.Length);
        for (int i = 0; i < ImageIds.Length; i++)
        {
            _imageIndex[ImageIds[i]] = i;
        }

        var categories = dataset.Categories.OrderBy(c => c.Id).ToArray();
        CategoryIds = categories.Select(c => c.Id).ToArray();
        CategoryNames = categories.Select(c => c.Name).ToArray();
        CategoryHasKeypoints = categories.Select(c => c.Keypoints is { Length: > 0 }).ToArray();
        _categoryIndex = new Dictionary<int, int>(CategoryIds.Length);
        for (int c = 0; c < CategoryIds.Length; c++)
        {
            _categoryIndex[CategoryIds[c]] = c;
        }

        KeypointCount = CommonKeypointCount(categories, source);

        int n = dataset.Annotations.Count;
        int cells = ImageIds.Length * CategoryIds.Length;
        _cellStart = new int[cells + 1];
        var cellOf = new int[n];
        for (int a = 0; a < n; a++)
        {
            var ann = dataset.Annotations[a];
            cellOf[a] = Cell(_imageIndex[ann.ImageId], _categoryIndex[ann.CategoryId]);
            _cellStart[cellOf[a] + 1]++;
        }

        for (int c = 0; c < cells; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        AnnotationIds = new long[n];
        Boxes = new double[n * 4];
        Areas = new double[n];
        IsCrowd = new bool[n];
        NumKeypoints = new int[n];
        Keypoints = new double[n * KeypointCount * 3];
        var next = _cellStart[..^1];
        for (int a = 0; a < n; a++)
        {
            var ann = dataset.Annotations[a];
            int j = next[cellOf[a]]++;
            AnnotationIds[j] = ann.Id;
            ann.Bbox.AsSpan().CopyTo(Boxes.AsSpan(j * 4, 4));
            Areas[j] = ann.Area;
            IsCrowd[j] = ann.Iscrowd != 0;
            NumKeypoints[j] = ann.NumKeypoints;
            if (KeypointCount > 0 && ann.Keypoints is { } kp && kp.Length == KeypointCount * 3)
            {
                kp.AsSpan().CopyTo(Keypoints.AsSpan(j * KeypointCount * 3, KeypointCount * 3));
            }
        }
    }

    /// <summary>Names the ground truth in error messages (usually its path).</summary>
    public string Source { get; }

    /// <summary>Image ids, ascending (pycocotools evaluates images in this order).</summary>
    public long[] ImageIds { get; }

    /// <summary>Category ids, ascending.</summary>
    public int[] CategoryIds { get; }

    public string[] CategoryNames { get; }

    public bool[] CategoryHasKeypoints { get; }

    /// <summary>K, the keypoints per object of the keypoint categories; 0 when no category names keypoints.</summary>
    public int KeypointCount { get; }

    public long[] AnnotationIds { get; }

    /// <summary>Boxes as x, y, w, h, four values per annotation.</summary>
    public double[] Boxes { get; }

    /// <summary>The annotation's "area" field (segment area in COCO), used for area ranges and as the OKS scale.</summary>
    public double[] Areas { get; }

    public bool[] IsCrowd { get; }

    /// <summary>The annotation's "num_keypoints" field; 0 makes it an ignored region in keypoint evaluation.</summary>
    public int[] NumKeypoints { get; }

    /// <summary>K (x, y, v) triples per annotation; zeros where the annotation has none.</summary>
    public double[] Keypoints { get; }

    public int AnnotationCount => AnnotationIds.Length;

    public static CocoGroundTruth From(CocoDataset dataset, string source) => new(dataset, source);

    public bool TryGetImageIndex(long imageId, out int index) => _imageIndex.TryGetValue(imageId, out index);

    public bool TryGetCategoryIndex(int categoryId, out int index) => _categoryIndex.TryGetValue(categoryId, out index);

    /// <summary>The annotations of one image and category: indices start .. start + count - 1 of the flat arrays.</summary>
    public (int Start, int Count) AnnotationsOf(int imageIndex, int categoryIndex)
    {
        int cell = Cell(imageIndex, categoryIndex);
        return (_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    private int Cell(int imageIndex, int categoryIndex) => (imageIndex * CategoryIds.Length) + categoryIndex;

    private static int CommonKeypointCount(CocoCategory[] categories, string source)
    {
        CocoCategory? first = null;
        foreach (var c in categories)
        {
            if (c.Keypoints is not { Length: > 0 } names)
            {
                continue;
            }

            if (first is null)
            {
                first = c;
            }
            else if (names.Length != first.Keypoints!.Length)
            {
                throw new InputException($"{source}: categories {first.Id} and {c.Id} have different keypoint counts ({first.Keypoints.Length} and {names.Length}); one evaluation needs one keypoint count");
            }
        }

        return first?.Keypoints!.Length ?? 0;
    }
}
