using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using Serilog;

namespace EdgePose.Train.Datasets;

/// <summary>
/// YOLO-pose data set (data.yaml) → one COCO keypoints json per split (annotations/&lt;split&gt;.json) with the
/// images under images/&lt;split&gt;/. Image sizes are read from the image headers.
/// </summary>
public static class YoloToCocoConversion
{
    public static void Run(ConvertRequest r, ILogger log)
    {
        var set = YoloDatasetFolder.Load(r.Input);
        OutputFolder.Validate(r.Output, r.Force, set.Root);
        var meta = KeypointMetaYaml.Parse(set.YamlText, set.YamlPath);
        var plans = new List<(string Split, CocoDataset Coco, List<(string Source, string FileName)> Images)>();
        foreach (var split in set.Splits.Where(s => r.Split is null || s.Name == r.Split))
        {
            var images = new List<YoloImageLabels>();
            var files = new List<(string, string)>();
            foreach (var path in split.Images)
            {
                var fileName = FileNameIn(split, path, set.Root);
                images.Add(YoloDatasetFolder.ReadLabels(path, fileName));
                files.Add((path, fileName));
            }

            var coco = YoloToCoco.Convert(images, set.Yaml.Names, meta, new YoloToCocoOptions { Area = r.Area });
            plans.Add((split.Name, coco, files));
        }

        if (plans.Count == 0)
        {
            throw new InputException($"{set.YamlPath}: no split {(r.Split is null ? "" : $"'{r.Split}' ")}to convert");
        }

        var output = OutputFolder.Prepare(r.Output, r.Force, set.Root);
        foreach (var (split, coco, files) in plans)
        {
            foreach (var (source, fileName) in files)
            {
                output.Place(source, $"images/{split}/{fileName}", r.ImagesMode);
            }

            output.WriteText($"annotations/{split}.json", CocoJson.Serialize(coco));
            log.Information("Wrote annotations/{Split}.json: {Images} images, {Objects} objects; {Policy}", split, coco.Images.Count, coco.Annotations.Count, r.Area.Describe());
        }
    }

    /// <summary>The image's path inside its split folder ('/' separated), or its file name for listed images.</summary>
    private static string FileNameIn(YoloDatasetFolder.SplitImages split, string path, string root)
    {
        foreach (var folder in split.ImageFolders)
        {
            var rel = DisplayPaths.Relative(folder, path);
            if (!Path.IsPathRooted(rel))
            {
                return rel;
            }
        }

        return DisplayPaths.Relative(root, path);
    }
}
