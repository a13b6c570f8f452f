using System.Text.Json;
using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// Labelme files → one COCO keypoints data set. Rectangles are objects (their label is the class), points
/// are keypoints (their label names the keypoint through the <see cref="LabelmeConfig"/>), and each point
/// joins a rectangle by <see cref="LabelmePointAssigner"/>'s rule. A drawn point is v=2 (v=1 when marked
/// hidden), a keypoint not drawn is v=0 at (0, 0). Every fault is a one-line <see cref="FormatException"/>
/// naming the file and the shape.
/// </summary>
public static class LabelmeToCoco
{
    public static CocoDataset Convert(IReadOnlyList<LabelmeImage> images, KeypointMeta meta, LabelmeConfig config, LabelmeToCocoOptions? options = null)
    {
        options ??= new LabelmeToCocoOptions();
        var keypointIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < meta.KeypointCount; i++)
        {
            keypointIndex[meta.KeypointNames[i]] = i;
        }

        foreach (var (label, name) in config.KeypointLabels)
        {
            if (!keypointIndex.ContainsKey(name))
            {
                throw new FormatException($"keypoint_labels maps '{label}' to '{name}', which is not a keypoint name ({string.Join(", ", meta.KeypointNames)})");
            }
        }

        var d = new CocoDataset
        {
            Info = JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["description"] = "converted from labelme by edgepose-train",
                ["area_policy"] = options.Area.Describe(),
            }),
            Categories = config.ClassNames.Select((n, i) => CocoKeypointCategories.Category(i + 1, n, meta)).ToList(),
        };
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var img in images)
        {
            if (!fileNames.Add(img.FileName))
            {
                throw new FormatException($"{img.Source}: image file name '{img.FileName}' is already used by another labelme file");
            }

            long imageId = d.Images.Count + 1;
            var doc = img.Document;
            if (doc.ImageWidth <= 0 || doc.ImageHeight <= 0)
            {
                throw new FormatException($"{img.Source}: imageWidth/imageHeight missing or not positive ({doc.ImageWidth} × {doc.ImageHeight})");
            }

            d.Images.Add(new CocoImage { Id = imageId, FileName = img.FileName, Width = doc.ImageWidth, Height = doc.ImageHeight });
            foreach (var ann in Objects(img, meta, config, keypointIndex, options))
            {
                ann.Id = d.Annotations.Count + 1;
                ann.ImageId = imageId;
                d.Annotations.Add(ann);
            }
        }

        return d;
    }

    private static List<CocoAnnotation> Objects(LabelmeImage img, KeypointMeta meta, LabelmeConfig config, Dictionary<string, int> keypointIndex, LabelmeToCocoOptions options)
    {
        string src = img.Source;
        var doc = img.Document;
        var boxes = new List<LabelmePointAssigner.Box>();
        var classOfBox = new List<int>();
        var points = new List<(int Shape, string Label, int Keypoint, int Visibility, double X, double Y, int? Group)>();
        for (int s = 0; s < doc.Shapes.Count; s++)
        {
            var shape = doc.Shapes[s];
            int number = s + 1;
            string what = $"shape {number} '{shape.Label}'";
            foreach (var p in shape.Points)
            {
                if (p.Length != 2 || !double.IsFinite(p[0]) || !double.IsFinite(p[1]))
                {
                    throw new FormatException($"{src}: {what} has a point that is not an [x, y] pair");
                }
            }

            switch (shape.ShapeType)
            {
                case "rectangle":
                    int cls = IndexOf(config.ClassNames, shape.Label);
                    if (cls < 0)
                    {
                        throw new FormatException($"{src}: rectangle {number} label '{shape.Label}' is not a class ({string.Join(", ", config.ClassNames)})");
                    }

                    if (shape.Points.Length != 2)
                    {
                        throw new FormatException($"{src}: rectangle {number} '{shape.Label}' has {shape.Points.Length} corners, expected 2");
                    }

                    var (a, b) = (shape.Points[0], shape.Points[1]);
                    var box = new LabelmePointAssigner.Box(number, shape.Label, shape.GroupId, Math.Min(a[0], b[0]), Math.Min(a[1], b[1]), Math.Max(a[0], b[0]), Math.Max(a[1], b[1]));
                    if (box.X2 - box.X1 <= 0 || box.Y2 - box.Y1 <= 0)
                    {
                        throw new FormatException($"{src}: rectangle {number} '{shape.Label}' has zero width or height");
                    }

                    boxes.Add(box);
                    classOfBox.Add(cls);
                    break;
                case "point":
                    if (shape.Points.Length != 1)
                    {
                        throw new FormatException($"{src}: point {number} '{shape.Label}' has {shape.Points.Length} positions, expected 1");
                    }

                    var (kp, vis) = Keypoint(shape, config, keypointIndex, meta, src, number);
                    double x = shape.Points[0][0], y = shape.Points[0][1];
                    if (x < 0 || y < 0 || x > doc.ImageWidth || y > doc.ImageHeight)
                    {
                        throw new FormatException($"{src}: point {number} '{shape.Label}' at ({NumberText.Short(x)}, {NumberText.Short(y)}) lies outside the {doc.ImageWidth} × {doc.ImageHeight} image");
                    }

                    points.Add((number, shape.Label, kp, vis, x, y, shape.GroupId));
                    break;
                default:
                    throw new FormatException($"{src}: {what} is a '{shape.ShapeType}'; only 'rectangle' (objects) and 'point' (keypoints) are used");
            }
        }

        int k = meta.KeypointCount;
        var kps = boxes.Select(_ => new LabelledKeypoint[k]).ToList();
        var shapeOf = boxes.Select(_ => new int[k]).ToList();
        foreach (var p in points)
        {
            string desc = $"point {p.Shape} '{p.Label}' at ({NumberText.Short(p.X)}, {NumberText.Short(p.Y)})";
            if (boxes.Count == 0)
            {
                throw new FormatException($"{src}: {desc} has no rectangle to belong to (the file has none)");
            }

            int bi = LabelmePointAssigner.Assign(boxes, desc, p.X, p.Y, p.Group, options.BoxMarginPixels, src);
            if (shapeOf[bi][p.Keypoint] != 0)
            {
                throw new FormatException($"{src}: {boxes[bi].Describe()} has two points for keypoint '{meta.KeypointNames[p.Keypoint]}' (shapes {shapeOf[bi][p.Keypoint]} and {p.Shape})");
            }

            shapeOf[bi][p.Keypoint] = p.Shape;
            kps[bi][p.Keypoint] = new LabelledKeypoint(p.X, p.Y, p.Visibility);
        }

        var result = new List<CocoAnnotation>();
        for (int i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            int labelled = kps[i].Count(q => q.IsLabelled);
            if (labelled == 0 && !options.AllowBoxesWithoutKeypoints)
            {
                throw new FormatException($"{src}: {box.Describe()} has no keypoints; draw its points inside it (or allow boxes without keypoints)");
            }

            if (options.RequireAllKeypoints && labelled < k)
            {
                var missing = Enumerable.Range(0, k).Where(j => !kps[i][j].IsLabelled).Select(j => meta.KeypointNames[j]);
                throw new FormatException($"{src}: {box.Describe()} is missing keypoints {string.Join(", ", missing)}");
            }

            double w = box.X2 - box.X1, h = box.Y2 - box.Y1;
            result.Add(new CocoAnnotation
            {
                CategoryId = classOfBox[i] + 1,
                Bbox = [box.X1, box.Y1, w, h],
                Keypoints = kps[i].SelectMany(q => new[] { q.X, q.Y, (double)q.Visibility }).ToArray(),
                NumKeypoints = labelled,
                Area = options.Area.AreaOf(w, h),
                Iscrowd = 0,
            });
        }

        return result;
    }

    private static (int Keypoint, int Visibility) Keypoint(LabelmeShape shape, LabelmeConfig config, Dictionary<string, int> keypointIndex, KeypointMeta meta, string src, int number)
    {
        string label = shape.Label;
        int vis = 2;
        if (config.HiddenSuffix is { } suffix && label.Length > suffix.Length && label.EndsWith(suffix, StringComparison.Ordinal))
        {
            label = label[..^suffix.Length];
            vis = 1;
        }

        if (config.HiddenFlag is { } flag && shape.Flags is { } flags && flags.TryGetValue(flag, out bool hidden) && hidden)
        {
            vis = 1;
        }

        string name = config.KeypointLabels.TryGetValue(label, out var mapped) ? mapped : label;
        return keypointIndex.TryGetValue(name, out int k)
            ? (k, vis)
            : throw new FormatException($"{src}: point {number} label '{shape.Label}' is not a keypoint ({string.Join(", ", meta.KeypointNames)}); map other labels in keypoint_labels");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
