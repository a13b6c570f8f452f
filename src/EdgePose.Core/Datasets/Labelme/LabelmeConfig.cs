namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// How labelme labels map onto the data set: rectangle labels are class names (<see cref="ClassNames"/>,
/// in class-index order), point labels are keypoint names, directly or through <see cref="KeypointLabels"/>.
/// Labelme cannot mark visibility, so a drawn point is visible (v=2) unless its label ends in
/// <see cref="HiddenSuffix"/> or its shape has the flag <see cref="HiddenFlag"/> set, which make it v=1;
/// a keypoint not drawn is v=0.
/// </summary>
public sealed record LabelmeConfig
{
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Labelme point label → keypoint name, for labels that differ from the names.</summary>
    public IReadOnlyDictionary<string, string> KeypointLabels { get; init; } = new Dictionary<string, string>();

    public string? HiddenSuffix { get; init; }

    public string? HiddenFlag { get; init; }
}
