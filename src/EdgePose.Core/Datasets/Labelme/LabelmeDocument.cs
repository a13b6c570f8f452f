using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// A labelme annotation file: the shapes drawn on one image, the image's path relative to the json file,
/// optionally the image itself (<see cref="ImageData"/>, base64 of the file's bytes) and its size.
/// </summary>
public sealed class LabelmeDocument
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("flags")]
    public Dictionary<string, bool>? Flags { get; set; }

    [JsonPropertyName("shapes")]
    public List<LabelmeShape> Shapes { get; set; } = [];

    [JsonPropertyName("imagePath")]
    public string? ImagePath { get; set; }

    [JsonPropertyName("imageData")]
    public string? ImageData { get; set; }

    [JsonPropertyName("imageHeight")]
    public int ImageHeight { get; set; }

    [JsonPropertyName("imageWidth")]
    public int ImageWidth { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
