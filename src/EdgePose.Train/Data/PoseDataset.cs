using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Data.Val;
using EdgePose.Train.Datasets;

namespace EdgePose.Train.Data;

/// <summary>
/// The images and labels of one split for training, read through the dataset code of EdgePose.Core: an Ultralytics
/// data.yaml (YOLO-pose label files beside images/, class names, kpt_shape, flip_idx) or a COCO keypoints json
/// (its keypoint categories are the classes, in id order; crowd annotations are left out). Images without labels
/// stay in as background images. Labels are parsed up front, so a bad label file fails before training starts.
/// </summary>
public sealed class PoseDataset
{
    public required string Source { get; init; }

    public required IReadOnlyList<PoseItem> Items { get; init; }

    public required IReadOnlyList<string> Names { get; init; }

    public required int Keypoints { get; init; }

    /// <summary>Values per keypoint in the labels (kpt_shape D): 2 or 3.</summary>
    public required int Dims { get; init; }

    public required KeypointMeta Meta { get; init; }

    public IReadOnlyList<int> FlipIndex => Meta.FlipIndex;

    public int[] KptShape => [Keypoints, Dims];

    /// <summary>A split (train, val) of data.yaml, or a COCO keypoints json (its images folder found as `edgepose val` finds it).</summary>
    public static PoseDataset Load(string data, string split, string? imagesFolder = null) =>
        Path.GetExtension(data).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? FromCocoJson(data, imagesFolder)
            : FromDataYaml(data, split);

    public static PoseDataset FromDataYaml(string yamlOrFolder, string split)
    {
        var folder = YoloDatasetFolder.Load(yamlOrFolder);
        var yaml = folder.Yaml;
        if (yaml.KptShape is not { Count: 2 } kpt)
        {
            throw new InputException($"{folder.YamlPath}: no kpt_shape; not a pose data set");
        }

        if (yaml.Names.Count == 0)
        {
            throw new InputException($"{folder.YamlPath}: names is empty; a pose model needs at least one class");
        }

        var images = folder.Splits.FirstOrDefault(s => s.Name == split)?.Images ?? [];
        if (images.Count == 0)
        {
            throw new InputException($"{folder.YamlPath}: the {split} split holds no images");
        }

        var meta = KeypointMetaYaml.Parse(folder.YamlText, folder.YamlPath);
        int k = kpt[0], d = kpt[1];
        var items = images.Select(path =>
        {
            var labelPath = YoloLabelPaths.LabelPathFor(path);
            var text = labelPath is not null && File.Exists(labelPath) ? File.ReadAllText(labelPath) : "";
            var labels = YoloPoseLabelFormat.Parse(text, k, d, labelPath ?? path);
            var bad = labels.FirstOrDefault(l => l.ClassId >= yaml.Names.Count);
            if (bad is not null)
            {
                throw new InputException($"{labelPath}: class {bad.ClassId} is not among the {yaml.Names.Count} names of {folder.YamlPath}");
            }

            return new PoseItem(path, FromYolo(labels, k));
        }).ToList();
        return new PoseDataset { Source = $"{folder.YamlPath} ({split})", Items = items, Names = yaml.Names, Keypoints = k, Dims = d, Meta = meta };
    }

    public static PoseDataset FromCocoJson(string jsonPath, string? imagesFolder)
    {
        if (!File.Exists(jsonPath))
        {
            throw new InputException($"data file not found: {jsonPath}");
        }

        var coco = CocoJson.ParseDataset(File.ReadAllText(jsonPath), jsonPath);
        CocoJson.CheckImageSizes(coco, jsonPath);
        var categories = coco.Categories.Where(c => c.Keypoints is { Length: > 0 }).OrderBy(c => c.Id).ToList();
        if (categories.Count == 0)
        {
            throw new InputException($"{jsonPath}: no category names keypoints; training needs a COCO keypoints json");
        }

        if (coco.Images.Count == 0)
        {
            throw new InputException($"{jsonPath}: the json lists no images");
        }

        var meta = CocoKeypointCategories.MetaOf(coco, jsonPath, dims: 3);
        int k = meta.KeypointCount;
        var classOf = categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var folder = imagesFolder ?? CocoJsonValData.FindImagesFolder(jsonPath);
        var byImage = coco.Annotations.Where(a => a.Iscrowd == 0 && classOf.ContainsKey(a.CategoryId)).ToLookup(a => a.ImageId);
        var items = coco.Images.Select(img =>
        {
            var anns = byImage[img.Id].ToList();
            var classes = anns.Select(a => classOf[a.CategoryId]).ToArray();
            var boxes = new float[anns.Count * 4];
            var points = new float[anns.Count * k * 3];
            for (int i = 0; i < anns.Count; i++)
            {
                var b = anns[i].Bbox;
                (boxes[i * 4], boxes[(i * 4) + 1], boxes[(i * 4) + 2], boxes[(i * 4) + 3]) =
                    ((float)(b[0] / img.Width), (float)(b[1] / img.Height), (float)((b[0] + b[2]) / img.Width), (float)((b[1] + b[3]) / img.Height));
                var kp = anns[i].Keypoints ?? new double[k * 3];
                for (int j = 0; j < k; j++)
                {
                    int o = (i * k * 3) + (j * 3);
                    points[o] = (float)(kp[j * 3] / img.Width);
                    points[o + 1] = (float)(kp[(j * 3) + 1] / img.Height);
                    points[o + 2] = (float)kp[(j * 3) + 2];
                }
            }

            return new PoseItem(Path.Combine(folder, img.FileName), new PoseInstances(k, classes, boxes, points));
        }).ToList();
        var missing = items.FirstOrDefault(i => !File.Exists(i.ImagePath));
        if (missing is not null)
        {
            throw new InputException($"{jsonPath}: image {missing.ImagePath} not found; give the images folder");
        }

        return new PoseDataset { Source = jsonPath, Items = items, Names = categories.Select(c => c.Name).ToArray(), Keypoints = k, Dims = 3, Meta = meta };
    }

    private static PoseInstances FromYolo(List<YoloPoseLabel> labels, int k)
    {
        var boxes = new float[labels.Count * 4];
        var points = new float[labels.Count * k * 3];
        for (int i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            (boxes[i * 4], boxes[(i * 4) + 1], boxes[(i * 4) + 2], boxes[(i * 4) + 3]) = ((float)l.Left, (float)l.Top, (float)l.Right, (float)l.Bottom);
            for (int j = 0; j < k; j++)
            {
                var p = l.Keypoints[j];
                int o = (i * k * 3) + (j * 3);
                (points[o], points[o + 1], points[o + 2]) = ((float)p.X, (float)p.Y, p.Visibility);
            }
        }

        return new PoseInstances(k, labels.Select(l => l.ClassId).ToArray(), boxes, points);
    }
}
