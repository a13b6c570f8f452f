using System.Text.Json.Serialization;

namespace EdgePose.Core.Events;

/// <summary>
/// One v1 pose event as read back (tests, `edgepose events`): the shape docs/events.md documents. Written by
/// <see cref="PoseEventWriter"/>, read with <see cref="PoseEventJson"/>.
/// </summary>
public sealed record PoseEvent
{
    /// <summary>Always <see cref="PoseEventSchema.Version"/> for v1.</summary>
    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    [JsonPropertyName("device")]
    public required string Device { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Frame number within the source, from 0 (restarts only with the process).</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>Capture time, UTC milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("time_ms")]
    public required long TimeMs { get; init; }

    [JsonPropertyName("latency_ms")]
    public required PoseEventLatency LatencyMs { get; init; }

    [JsonPropertyName("width")]
    public required int Width { get; init; }

    [JsonPropertyName("height")]
    public required int Height { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("persons")]
    public required IReadOnlyList<PoseEventPerson> Persons { get; init; }
}
