using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>Choices for <see cref="CocoToYolo"/>.</summary>
public sealed record CocoToYoloOptions
{
    /// <summary>Values per keypoint in the label files: 3 (x, y, v) or 2 (x, y; every point must be labelled).</summary>
    public int Dims { get; init; } = 3;

    public int Decimals { get; init; } = Yolo.YoloPoseLabelFormat.DefaultDecimals;

    /// <summary>Meta to use instead of what the categories say (for flip pairs, sigmas, colours).</summary>
    public KeypointMeta? Meta { get; init; }
}
