using System.Text.Json.Serialization;

namespace EdgePose.Core.Events;

/// <summary>One person of a <see cref="PoseEvent"/>, in the frame's pixels.</summary>
public sealed record PoseEventPerson
{
    /// <summary>The detection's index in this frame (0 = highest score); not stable across frames.</summary>
    [JsonPropertyName("id")]
    public required int Id { get; init; }

    /// <summary>
    /// Reserved for tracking (a later version of the pipeline): an id that follows the person across frames of
    /// the source. Absent from the JSON while no tracker runs.
    /// </summary>
    [JsonPropertyName("track")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Track { get; init; }

    /// <summary>Detection confidence, 0..1.</summary>
    [JsonPropertyName("score")]
    public required double Score { get; init; }

    /// <summary>x1, y1, x2, y2.</summary>
    [JsonPropertyName("box")]
    public required double[] Box { get; init; }

    /// <summary>K triples x, y, score in the model's keypoint order (names in the status message and docs/events.md).</summary>
    [JsonPropertyName("keypoints")]
    public required double[][] Keypoints { get; init; }
}
