using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Train.Datasets;

/// <summary>
/// Writes a converted YOLO-pose data set: images/&lt;split&gt;/…, labels/&lt;split&gt;/….txt (one per image, empty for
/// background images) and data.yaml naming the split, the classes and the keypoint meta.
/// </summary>
public static class YoloLayoutWriter
{
    public static void Write(OutputFolder output, CocoToYoloResult result, string split, Func<CocoImage, ImageSource?> imageOf, FileTransferMode mode, string sourceDescription)
    {
        foreach (var f in result.Files)
        {
            output.WriteText($"labels/{split}/{f.LabelFileName}", f.Text);
            if (imageOf(f.Image) is { } source)
            {
                output.Place(source, $"images/{split}/{f.Image.FileName}", mode);
            }
        }

        var key = SplitKey(split);
        var yaml = DataYamlWriter.Write(
            result.Meta,
            result.ClassNames,
            new Dictionary<string, string> { [key] = $"images/{split}" },
            [$"Written by edgepose-train data convert from {sourceDescription}.", key == "train" ? "Only one split: make train/val with `edgepose-train data split`." : $"The {key} split only."]);
        output.WriteText("data.yaml", yaml);
    }

    /// <summary>The data.yaml key for a split folder name: train2017 → train, val2017 → val.</summary>
    public static string SplitKey(string split) =>
        split.StartsWith("val", StringComparison.OrdinalIgnoreCase) ? "val"
        : split.StartsWith("test", StringComparison.OrdinalIgnoreCase) ? "test"
        : "train";
}
