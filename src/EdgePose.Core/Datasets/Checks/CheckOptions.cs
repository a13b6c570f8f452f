namespace EdgePose.Core.Datasets.Checks;

/// <summary>Tolerances of <see cref="DatasetCheck"/>.</summary>
public sealed record CheckOptions
{
    /// <summary>
    /// How far a visible keypoint (v=2, or any point with kpt_shape [K, 2]) may lie outside its box, as a
    /// fraction of the box's width (horizontally) and height (vertically).
    /// </summary>
    public double VisibleBoxMargin { get; init; } = 0.1;

    /// <summary>
    /// The same for hidden keypoints (v=1): their positions are estimates and COCO boxes cover only what
    /// is seen, so they stray further (up to half a box in COCO itself).
    /// </summary>
    public double HiddenBoxMargin { get; init; } = 0.6;
}
