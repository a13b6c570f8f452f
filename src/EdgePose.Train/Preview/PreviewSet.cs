using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Train.Datasets;
using Serilog;

namespace EdgePose.Train.Preview;

/// <summary>
/// Labels to draw, whatever their format: brought to COCO in pixels (YOLO through its image sizes, labelme
/// through its config), with the keypoint meta for names, skeleton and colours, and where each image is.
/// </summary>
public sealed record PreviewSet(CocoDataset Coco, KeypointMeta Meta, Func<CocoImage, ImageSource> ImageOf)
{
    public static PreviewSet Load(string input, DatasetFormat format, string? config, string? imagesDir, string? split, ILogger log) => format switch
    {
        DatasetFormat.Yolo => FromYolo(input, split),
        DatasetFormat.Coco => FromCoco(input, imagesDir, split),
        _ => FromLabelme(input, config, log),
    };

    private static PreviewSet FromYolo(string input, string? split)
    {
        var set = YoloDatasetFolder.Load(input);
        var meta = KeypointMetaYaml.Parse(set.YamlText, set.YamlPath);
        var images = new List<YoloImageLabels>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in set.Splits.Where(s => split is null || s.Name == split))
        {
            foreach (var path in s.Images)
            {
                var name = DisplayPaths.Relative(set.Root, path);
                images.Add(YoloDatasetFolder.ReadLabels(path, name));
                paths[name] = path;
            }
        }

        var coco = YoloToCoco.Convert(images, set.Yaml.Names, meta);
        return new PreviewSet(coco, meta, img => ImageSource.File(paths[img.FileName]));
    }

    private static PreviewSet FromCoco(string json, string? imagesDir, string? split)
    {
        var coco = CocoJson.ParseDataset(File.ReadAllText(json), json);
        var meta = CocoKeypointCategories.MetaOf(coco, json, 3);
        var dir = imagesDir ?? CocoToYoloConversion.GuessImagesDir(json, split ?? CocoToYoloConversion.SplitOf(json))
            ?? throw new InputException($"{json}: cannot find its images; give --images");
        return new PreviewSet(coco, meta, img => ImageSource.File(Path.Combine(dir, img.FileName)));
    }

    private static PreviewSet FromLabelme(string folder, string? configPath, ILogger log)
    {
        var path = configPath ?? throw new InputException("labelme preview needs --config (names, keypoint meta and label mapping)");
        var text = File.ReadAllText(path);
        var meta = KeypointMetaYaml.Parse(text, path);
        var entries = LabelmeFolder.Read(folder, log);
        var coco = LabelmeToCoco.Convert(entries.Select(e => e.Image).ToList(), meta, LabelmeConfigYaml.Parse(text, path), new LabelmeToCocoOptions { AllowBoxesWithoutKeypoints = true });
        var sources = entries.ToDictionary(e => e.Image.FileName, e => e.Source, StringComparer.Ordinal);
        return new PreviewSet(coco, meta, img => sources[img.FileName]);
    }
}
