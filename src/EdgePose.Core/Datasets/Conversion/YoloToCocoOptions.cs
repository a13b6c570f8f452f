namespace EdgePose.Core.Datasets.Conversion;

/// <summary>Choices for <see cref="YoloToCoco"/>.</summary>
public sealed record YoloToCocoOptions
{
    public CocoAreaPolicy Area { get; init; } = CocoAreaPolicy.UltralyticsBox;

    /// <summary>
    /// Use numeric file names as image ids (000000000036.jpg → 36), as Ultralytics' COCO evaluation does,
    /// when every name is numeric and unique; otherwise ids are 1..n in the given order.
    /// </summary>
    public bool NumericStemIds { get; init; } = true;
}
