namespace EdgePose.Core.Evaluation;

/// <summary>Settings of a PCK@α evaluation.</summary>
public sealed record PckOptions
{
    /// <summary>A keypoint is correct when its distance divided by the normalising size is below α (MMPose's default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    public PckNormalization Normalization { get; init; } = PckNormalization.BoxMaxSide;

    /// <summary>Normalising size per ground-truth annotation id, for <see cref="PckNormalization.GivenSize"/>.</summary>
    public IReadOnlyDictionary<long, double>? InstanceSizes { get; init; }

    /// <summary>Least box IoU for a detection to be paired with a ground-truth object.</summary>
    public double MatchIou { get; init; } = 0.5;
}
