using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Coco;

/// <summary>A COCO keypoints ground-truth file: images, annotations, categories (info and licenses kept as they are).</summary>
public sealed class CocoDataset
{
    public JsonElement? Info { get; set; }

    public JsonElement? Licenses { get; set; }

    public List<CocoImage> Images { get; set; } = [];

    public List<CocoAnnotation> Annotations { get; set; } = [];

    public List<CocoCategory> Categories { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
