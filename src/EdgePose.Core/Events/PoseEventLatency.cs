using System.Text.Json.Serialization;

namespace EdgePose.Core.Events;

/// <summary>
/// Milliseconds a frame spent in each pipeline stage before its event; <see cref="Total"/> is capture to decoded
/// result (the sum of the four stages). A stage the frame has no stamp for reads 0.
/// </summary>
public sealed record PoseEventLatency
{
    /// <summary>Captured to taken by the batcher (waiting for the engine).</summary>
    [JsonPropertyName("queue")]
    public required double Queue { get; init; }

    [JsonPropertyName("preprocess")]
    public required double Preprocess { get; init; }

    [JsonPropertyName("inference")]
    public required double Inference { get; init; }

    [JsonPropertyName("decode")]
    public required double Decode { get; init; }

    [JsonPropertyName("total")]
    public required double Total { get; init; }
}
