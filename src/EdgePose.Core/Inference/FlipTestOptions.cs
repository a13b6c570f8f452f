namespace EdgePose.Core.Inference;

/// <summary>Settings of the flip test (<see cref="FlipTestMerger"/>).</summary>
public sealed record FlipTestOptions
{
    /// <summary>
    /// Least box IoU for a detection of the mirrored pass to be taken as the same object as one of the original
    /// pass (0.5, the lowest overlap COCO counts as the same object).
    /// </summary>
    public double MatchIou { get; init; } = 0.5;
}
