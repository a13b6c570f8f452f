using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// COCO keypoints → YOLO-pose label text. Categories become classes 0..n-1 in order of id; boxes and
/// keypoints are divided by the image size; the keypoint triples are read as (x, y, v) by position, so
/// a coordinate equal to 0, 1 or 2 is never taken for a visibility. With D = 3 a point keeps its v
/// (and its x, y, usually 0 for v=0); D = 2 cannot express unlabelled points, so those are an error.
/// Crowd annotations (iscrowd = 1, regions of many people without keypoints) have no YOLO form and are
/// left out; so are boxes of zero width or height. Both are counted in the result. Every image gets a
/// label file, empty when it has no objects (a background image).
/// </summary>
public static class CocoToYolo
{
    public static CocoToYoloResult Convert(CocoDataset d, string source, CocoToYoloOptions? options = null)
    {
        options ??= new CocoToYoloOptions();
        if (options.Dims is not (2 or 3))
        {
            throw new FormatException($"keypoint dims {options.Dims} must be 2 or 3");
        }

        CocoJson.Validate(d, source);
        CocoJson.CheckImageSizes(d, source);
        var meta = CocoKeypointCategories.MetaOf(d, source, options.Dims, options.Meta);
        int k = meta.KeypointCount;
        var categories = d.Categories.OrderBy(c => c.Id).ToList();
        var classOf = categories.Select((c, i) => (c.Id, i)).ToDictionary(t => t.Id, t => t.i);
        var byImage = d.Annotations.GroupBy(a => a.ImageId).ToDictionary(g => g.Key, g => g.ToList());

        var files = new List<YoloLabelFile>(d.Images.Count);
        var labelNames = new Dictionary<string, string>(StringComparer.Ordinal);
        int crowd = 0, empty = 0;
        foreach (var img in d.Images)
        {
            string labelName = Path.ChangeExtension(img.FileName, ".txt");
            if (!labelNames.TryAdd(labelName, img.FileName))
            {
                throw new FormatException($"{source}: images '{labelNames[labelName]}' and '{img.FileName}' would share the label file '{labelName}'");
            }

            var labels = new List<YoloPoseLabel>();
            foreach (var a in byImage.GetValueOrDefault(img.Id) ?? [])
            {
                if (a.Iscrowd != 0)
                {
                    crowd++;
                    continue;
                }

                if (!(a.Bbox[2] > 0 && a.Bbox[3] > 0))
                {
                    empty++;
                    continue;
                }

                labels.Add(Label(a, img, classOf[a.CategoryId], k, source));
            }

            string text;
            try
            {
                text = YoloPoseLabelFormat.Format(labels, options.Dims, options.Decimals);
            }
            catch (InvalidOperationException e)
            {
                throw new FormatException($"{source}: image {img.Id} '{img.FileName}': {e.Message}", e);
            }

            files.Add(new YoloLabelFile(img, labelName, text, labels.Count));
        }

        return new CocoToYoloResult(files, categories.Select(c => c.Name).ToArray(), meta, crowd, empty);
    }

    private static YoloPoseLabel Label(CocoAnnotation a, CocoImage img, int cls, int k, string source)
    {
        double w = img.Width, h = img.Height;
        var b = a.Bbox;
        var kps = new LabelledKeypoint[k];
        if (a.Keypoints is { } raw)
        {
            if (raw.Length != 3 * k)
            {
                throw new FormatException($"{source}: annotation {a.Id} has {raw.Length} keypoint values, expected {3 * k} (3 × {k})");
            }

            for (int j = 0; j < k; j++)
            {
                double v = raw[(3 * j) + 2];
                if (v is not (0 or 1 or 2))
                {
                    throw new FormatException($"{source}: annotation {a.Id} keypoint {j} visibility {NumberText.Short(v)} is not 0, 1 or 2");
                }

                kps[j] = new LabelledKeypoint(raw[3 * j] / w, raw[(3 * j) + 1] / h, (int)v);
            }
        }

        return new YoloPoseLabel(cls, (b[0] + (b[2] / 2)) / w, (b[1] + (b[3] / 2)) / h, b[2] / w, b[3] / h, kps);
    }
}
