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

    /// <summary>Images per run; null takes the engine's maximum batch. Must be at least 1.</summary>
    public int? MaxBatch
    {
        get;
        init => field = value is null or >= 1 ? value : throw new Errors.InputException($"batch {value} must be at least 1");
    }

    /// <summary>The longest wait for one run of the engine.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
