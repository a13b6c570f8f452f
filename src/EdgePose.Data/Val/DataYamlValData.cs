using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Imaging;
using EdgePose.Core.Meta;

namespace EdgePose.Data.Val;

/// <summary>
/// The val split of an Ultralytics data.yaml as a validation set: its images (folders, searched recursively, or
/// .txt image lists, relative to 'path' or the yaml's folder) and their YOLO-pose labels, converted to COCO ground
/// truth on the fly. YOLO labels have no object area, which OKS divides by: as Ultralytics' validator does, the
/// area is box width × height × 0.53 (stated in <see cref="ValData.Notes"/>).
/// </summary>
public static class DataYamlValData
{
    public static ValData Load(string yamlPath)
    {
        var text = File.ReadAllText(yamlPath);
        var yaml = DataYamlReader.Parse(text, yamlPath);
        if (yaml.Val.Count == 0)
        {
            throw new InputException($"{yamlPath}: no val split ('val' is missing or empty); val evaluates the images it names");
        }

        if (yaml.KptShape is null)
        {
            throw new InputException($"{yamlPath}: no kpt_shape; not a pose data set");
        }

        var meta = KeypointMetaYaml.Parse(text, yamlPath);
        var root = YoloDatasetPaths.Root(yamlPath, yaml.RootPath);
        var files = ValImageFiles(yaml, root, yamlPath);
        var labels = files.Select(f =>
        {
            var h = ReadHeader(f.Path);
            var label = YoloLabelPaths.LabelPathFor(f.Path);
            var labelText = label is not null && File.Exists(label) ? File.ReadAllText(label) : null;
            return new YoloImageLabels(f.Name, h.DisplayWidth, h.DisplayHeight, labelText, label ?? f.Path);
        }).ToList();

        var options = new YoloToCocoOptions { Area = CocoAreaPolicy.UltralyticsBox };
        var dataset = YoloToCoco.Convert(labels, yaml.Names, meta, options);
        return new ValData
        {
            Source = yamlPath,
            Format = "Ultralytics data.yaml (val split)",
            GroundTruth = CocoGroundTruth.From(dataset, $"{yamlPath} (val)"),
            Images = dataset.Images.Select((img, i) => new ValImage(img.Id, files[i].Path)).ToList(),
            Meta = meta,
            KeypointDims = meta.Dims,
            CategoryOfClass = dataset.Categories.Select(c => c.Id).ToArray(),
            Notes = [$"ground truth converted from YOLO-pose labels; {options.Area.Describe()}"],
        };
    }

    /// <summary>The val images in ordinal path order, each with its name inside its folder (the COCO file_name).</summary>
    private static List<(string Path, string Name)> ValImageFiles(DataYaml yaml, string root, string yamlPath)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in yaml.Val)
        {
            var full = YoloDatasetPaths.EntryPath(root, entry);
            if (Directory.Exists(full))
            {
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(ImageFileTypes.IsImage))
                {
                    found.TryAdd(f, Path.GetRelativePath(full, f).Replace('\\', '/'));
                }
            }
            else if (File.Exists(full) && YoloDatasetPaths.IsImageList(full))
            {
                foreach (var f in YoloDatasetPaths.ListedImages(File.ReadAllLines(full), full, root))
                {
                    if (!File.Exists(f))
                    {
                        throw new InputException($"{full}: listed image {f} not found");
                    }

                    found.TryAdd(f, Path.GetRelativePath(root, f).Replace('\\', '/'));
                }
            }
            else
            {
                throw new InputException($"{yamlPath}: val '{entry}' is neither a folder nor a .txt image list under {root}");
            }
        }

        if (found.Count == 0)
        {
            throw new InputException($"{yamlPath}: the val split ({string.Join(", ", yaml.Val)}) holds no images");
        }

        return found.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private static ImageHeader ReadHeader(string path)
    {
        using var f = File.OpenRead(path);
        return ImageHeaderReader.Read(f, path);
    }
}
