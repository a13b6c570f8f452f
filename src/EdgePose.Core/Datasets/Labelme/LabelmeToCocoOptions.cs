using EdgePose.Core.Datasets.Conversion;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>Choices for <see cref="LabelmeToCoco"/>; the defaults are the strict ones.</summary>
public sealed record LabelmeToCocoOptions
{
    /// <summary>Pixels a point may lie outside its rectangle and still belong to it.</summary>
    public double BoxMarginPixels { get; init; }

    /// <summary>Every keypoint must be drawn in every box (otherwise an absent point is v=0).</summary>
    public bool RequireAllKeypoints { get; init; }

    /// <summary>Keep rectangles with no points as objects without keypoints (otherwise an error).</summary>
    public bool AllowBoxesWithoutKeypoints { get; init; }

    public CocoAreaPolicy Area { get; init; } = CocoAreaPolicy.UltralyticsBox;
}
