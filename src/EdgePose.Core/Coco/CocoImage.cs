using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Coco;

/// <summary>One entry of a COCO file's "images" list. Keys we do not model are kept in <see cref="Extra"/>.</summary>
public sealed class CocoImage
{
    public long Id { get; set; }

    public string FileName { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
