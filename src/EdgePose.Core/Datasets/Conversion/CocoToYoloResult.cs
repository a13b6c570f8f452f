using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// What <see cref="CocoToYolo"/> made: one label file per image, the class names in class-index order,
/// the keypoint meta for data.yaml, and what it left out and why.
/// </summary>
public sealed record CocoToYoloResult(
    IReadOnlyList<YoloLabelFile> Files,
    IReadOnlyList<string> ClassNames,
    KeypointMeta Meta,
    int CrowdSkipped,
    int EmptyBoxSkipped);
