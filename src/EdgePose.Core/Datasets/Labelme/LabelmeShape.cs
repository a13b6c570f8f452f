using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// One shape of a labelme file. We use "rectangle" (two corners, any order) for objects and "point"
/// (one position) for keypoints; <see cref="GroupId"/> may tie points to their rectangle.
/// </summary>
public sealed class LabelmeShape
{
    [JsonPropertyName("label")]
    public string Label { get; set; } = "";

    [JsonPropertyName("points")]
    public double[][] Points { get; set; } = [];

    [JsonPropertyName("group_id")]
    public int? GroupId { get; set; }

    [JsonPropertyName("shape_type")]
    public string ShapeType { get; set; } = "polygon";

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("flags")]
    public Dictionary<string, bool>? Flags { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
