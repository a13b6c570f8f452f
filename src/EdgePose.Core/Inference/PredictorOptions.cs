using EdgePose.Core.Decoding;

namespace EdgePose.Core.Inference;

/// <summary>Settings of a <see cref="PosePredictor"/>.</summary>
public sealed record PredictorOptions
{
    public DecodeOptions Decode { get; init; } = new();

    /// <summary>Model input size (square); null uses the model's. Must be a multiple of the stride and, for fixed-shape models, equal to it.</summary>
    public int? ImageSize { get; init; }

    /// <summary>Keypoint shape (K, D) when the model's metadata has none.</summary>
    public (int K, int D)? KeypointShape { get; init; }
}
