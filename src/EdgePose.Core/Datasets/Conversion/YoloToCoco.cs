using System.Globalization;
using System.Text.Json;
using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// YOLO-pose label text → COCO keypoints ground truth, for conversion and for evaluating against a
/// data.yaml. Normalised values are multiplied by the image size; with kpt_shape [K, 2] every point is
/// labelled (v=2), with [K, 3] the file's v is kept. Classes become categories 1..n. The area, which OKS
/// needs and YOLO lacks, follows <see cref="YoloToCocoOptions.Area"/> and is stated in the "info" block.
/// </summary>
public static class YoloToCoco
{
    public static CocoDataset Convert(IReadOnlyList<YoloImageLabels> images, IReadOnlyList<string> classNames, KeypointMeta meta, YoloToCocoOptions? options = null)
    {
        options ??= new YoloToCocoOptions();
        if (classNames.Count == 0)
        {
            throw new FormatException("no class names: data.yaml 'names' is empty");
        }

        var ids = ImageIds(images, options.NumericStemIds);
        var d = new CocoDataset
        {
            Info = JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["description"] = "converted from YOLO-pose labels by edgepose-train",
                ["area_policy"] = options.Area.Describe(),
            }),
            Categories = classNames.Select((n, i) => CocoKeypointCategories.Category(i + 1, n, meta)).ToList(),
        };
        for (int i = 0; i < images.Count; i++)
        {
            var img = images[i];
            if (img.Width <= 0 || img.Height <= 0)
            {
                throw new FormatException($"{img.LabelSource}: image '{img.FileName}' has size {img.Width} × {img.Height}");
            }

            d.Images.Add(new CocoImage { Id = ids[i], FileName = img.FileName, Width = img.Width, Height = img.Height });
            if (img.LabelText is null)
            {
                continue;
            }

            foreach (var (line, l) in YoloPoseLabelFormat.ParseNumbered(img.LabelText, meta.KeypointCount, meta.Dims, img.LabelSource))
            {
                if (l.ClassId >= classNames.Count)
                {
                    throw new FormatException($"{img.LabelSource}:{line}: class {l.ClassId}, but names lists {classNames.Count} class(es)");
                }

                d.Annotations.Add(Annotation(l, img, ids[i], d.Annotations.Count + 1, options.Area));
            }
        }

        return d;
    }

    private static CocoAnnotation Annotation(YoloPoseLabel l, YoloImageLabels img, long imageId, long id, CocoAreaPolicy area)
    {
        double w = img.Width, h = img.Height;
        double bw = l.Width * w, bh = l.Height * h;
        var kps = new double[l.Keypoints.Length * 3];
        for (int j = 0; j < l.Keypoints.Length; j++)
        {
            var p = l.Keypoints[j];
            kps[3 * j] = p.X * w;
            kps[(3 * j) + 1] = p.Y * h;
            kps[(3 * j) + 2] = p.Visibility;
        }

        return new CocoAnnotation
        {
            Id = id,
            ImageId = imageId,
            CategoryId = l.ClassId + 1,
            Bbox = [l.Left * w, l.Top * h, bw, bh],
            Keypoints = kps,
            NumKeypoints = l.Keypoints.Count(p => p.IsLabelled),
            Area = area.AreaOf(bw, bh),
            Iscrowd = 0,
        };
    }

    private static long[] ImageIds(IReadOnlyList<YoloImageLabels> images, bool numericStems)
    {
        var ids = new long[images.Count];
        var seen = new HashSet<long>();
        bool numeric = numericStems && images.Count > 0;
        for (int i = 0; i < images.Count && numeric; i++)
        {
            var stem = Path.GetFileNameWithoutExtension(images[i].FileName);
            numeric = stem.Length > 0 && stem.All(char.IsAsciiDigit)
                && long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out ids[i]) && seen.Add(ids[i]);
        }

        if (!numeric)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = i + 1;
            }
        }

        return ids;
    }
}
