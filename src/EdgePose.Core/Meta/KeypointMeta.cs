namespace EdgePose.Core.Meta;

/// <summary>
/// Dataset meta information as data (MMPose's idea): keypoint names, flip pairs, OKS sigmas,
/// skeleton links and colours. Training, evaluation and drawing all read it from here.
/// </summary>
public sealed record KeypointMeta
{
    /// <summary>Neutral colour for keypoints and links of sets that name none (Ultralytics' pose green).</summary>
    public static readonly Rgb DefaultColor = new(0, 255, 0);

    private static readonly Lazy<KeypointMeta> s_coco17 = new(() => KeypointMetaYaml.LoadEmbedded("coco17"));

    /// <summary>The 17 COCO person keypoints.</summary>
    public static KeypointMeta Coco17 => s_coco17.Value;

    public required string DatasetName { get; init; }

    /// <summary>Values per keypoint in labels and model output: 2 (x, y) or 3 (x, y, visibility).</summary>
    public int Dims { get; init; } = 3;

    public required IReadOnlyList<string> KeypointNames { get; init; }

    /// <summary>For each keypoint, the index of its mirror image under a horizontal flip.</summary>
    public required IReadOnlyList<int> FlipIndex { get; init; }

    /// <summary>Per-keypoint OKS sigmas.</summary>
    public required IReadOnlyList<double> Sigmas { get; init; }

    public IReadOnlyList<SkeletonLink> Skeleton { get; init; } = [];

    public required IReadOnlyList<Rgb> KeypointColors { get; init; }

    public int KeypointCount => KeypointNames.Count;

    /// <summary>
    /// Meta information for a model or data set that gives only K (and D): COCO-17 where K is 17,
    /// otherwise keypoints named kpt0.., no flip pairs, no skeleton and uniform sigmas 1/K as Ultralytics uses.
    /// </summary>
    public static KeypointMeta ForKeypointCount(int keypointCount, int dims = 3)
    {
        if (keypointCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(keypointCount), keypointCount, "keypoint count must be positive");
        }

        if (dims is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(dims), dims, "keypoint dims must be 2 or 3");
        }

        if (keypointCount == 17)
        {
            return Coco17 with { Dims = dims };
        }

        return new KeypointMeta
        {
            DatasetName = $"custom{keypointCount}",
            Dims = dims,
            KeypointNames = Enumerable.Range(0, keypointCount).Select(i => $"kpt{i}").ToArray(),
            FlipIndex = Enumerable.Range(0, keypointCount).ToArray(),
            Sigmas = Enumerable.Repeat(1.0 / keypointCount, keypointCount).ToArray(),
            KeypointColors = Enumerable.Repeat(DefaultColor, keypointCount).ToArray(),
        };
    }

    /// <summary>Returns this, or throws <see cref="FormatException"/> "source: ..." naming the first inconsistency.</summary>
    public KeypointMeta Validated(string source)
    {
        try
        {
            Validate();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }

        return this;
    }

    /// <summary>Throws <see cref="FormatException"/> naming the first inconsistency.</summary>
    public void Validate()
    {
        int k = KeypointCount;
        if (k == 0)
        {
            throw new FormatException($"meta '{DatasetName}': no keypoints");
        }

        if (Dims is not (2 or 3))
        {
            throw new FormatException($"meta '{DatasetName}': keypoint dims {Dims} must be 2 or 3");
        }

        if (Meta.FlipIndex.Problem(FlipIndex, k) is { } flipProblem)
        {
            throw new FormatException($"meta '{DatasetName}': {flipProblem}");
        }

        if (Sigmas.Count != k)
        {
            throw new FormatException($"meta '{DatasetName}': {Sigmas.Count} sigmas for {k} keypoints");
        }

        foreach (var s in Sigmas)
        {
            if (!(s > 0))
            {
                throw new FormatException($"meta '{DatasetName}': sigma {s} must be positive");
            }
        }

        if (KeypointColors.Count != k)
        {
            throw new FormatException($"meta '{DatasetName}': {KeypointColors.Count} keypoint colours for {k} keypoints");
        }

        foreach (var link in Skeleton)
        {
            if (link.From < 0 || link.From >= k || link.To < 0 || link.To >= k)
            {
                throw new FormatException($"meta '{DatasetName}': skeleton link [{link.From}, {link.To}] outside 0..{k - 1}");
            }
        }

        if (KeypointNames.Distinct(StringComparer.Ordinal).Count() != k)
        {
            throw new FormatException($"meta '{DatasetName}': keypoint names are not unique");
        }
    }
}
