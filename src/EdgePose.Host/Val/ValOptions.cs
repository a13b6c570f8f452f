using EdgePose.Core.Decoding;
using EdgePose.Host.Engines;

namespace EdgePose.Host.Val;

/// <summary>Everything `edgepose val` was asked to do for one model (a comparison runs two models with the same options).</summary>
public sealed record ValOptions
{
    /// <summary>A COCO keypoints json or an Ultralytics data.yaml.</summary>
    public required string Data { get; init; }

    /// <summary>The images folder of a COCO json; null finds it beside the annotations folder.</summary>
    public string? Images { get; init; }

    public required string OutputDirectory { get; init; }

    public DecodeOptions Decode { get; init; } = DecodeOptions.UltralyticsVal;

    public EngineOptions Engine { get; init; } = new();

    /// <summary>Keypoints per object and values per keypoint (--kpt-shape) for a model without kpt_shape in its metadata; null uses the metadata.</summary>
    public (int K, int D)? KeypointShape { get; init; }

    /// <summary>Run each image and its mirror and merge the detections (MMPose's flip_test).</summary>
    public bool Flip { get; init; }
}
