namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// Counts over a YOLO-pose data set: images per split, objects and labelled keypoints per class,
/// labelled count per keypoint name and the visibility histogram (v = 0, 1, 2).
/// </summary>
public sealed class DatasetSummary
{
    public SortedDictionary<string, int> ImagesPerSplit { get; } = new(StringComparer.Ordinal);

    public int Images => ImagesPerSplit.Values.Sum();

    public int LabelFiles { get; set; }

    /// <summary>Images with no objects (empty or missing label file).</summary>
    public int BackgroundImages { get; set; }

    public SortedDictionary<int, int> InstancesPerClass { get; } = [];

    /// <summary>Keypoints with v > 0 per class.</summary>
    public SortedDictionary<int, int> LabelledKeypointsPerClass { get; } = [];

    /// <summary>Keypoint names (from data.yaml, else the defaults for K: COCO's for 17, kpt0.. otherwise).</summary>
    public IReadOnlyList<string> KeypointNames { get; set; } = [];

    /// <summary>Keypoints with v > 0 per keypoint index.</summary>
    public int[] LabelledPerKeypoint { get; set; } = [];

    /// <summary>How many keypoints have v = 0, 1 and 2.</summary>
    public long[] VisibilityHistogram { get; } = new long[3];

    public int Instances => InstancesPerClass.Values.Sum();
}
