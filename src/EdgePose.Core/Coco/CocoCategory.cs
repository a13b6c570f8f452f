using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Coco;

/// <summary>A COCO category; keypoint categories name their keypoints and a 1-based skeleton.</summary>
public sealed class CocoCategory
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Supercategory { get; set; }

    public string[]? Keypoints { get; set; }

    /// <summary>Links as 1-based keypoint index pairs, as COCO writes them.</summary>
    public int[][]? Skeleton { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
