using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Coco;

/// <summary>
/// One object of a COCO keypoints file: box [x, y, w, h] and K keypoints as x, y, v triples in image
/// pixels (v: 0 not labelled, 1 labelled but hidden, 2 visible). Unmodelled keys stay in <see cref="Extra"/>.
/// </summary>
public sealed class CocoAnnotation
{
    public long Id { get; set; }

    public long ImageId { get; set; }

    public int CategoryId { get; set; }

    public double[] Bbox { get; set; } = [];

    public double[]? Keypoints { get; set; }

    public int NumKeypoints { get; set; }

    public double Area { get; set; }

    public int Iscrowd { get; set; }

    public JsonElement? Segmentation { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
