using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using Serilog;

namespace EdgePose.Train.Datasets;

/// <summary>
/// COCO keypoints json → YOLO-pose (images/&lt;split&gt;, labels/&lt;split&gt;, data.yaml). Sizes come from the json and
/// are checked against each image's header when images are copied or linked.
/// </summary>
public static class CocoToYoloConversion
{
    public static void Run(ConvertRequest r, ILogger log)
    {
        OutputFolder.Validate(r.Output, r.Force, r.Input);
        var json = r.Input;
        var gt = CocoJson.ParseDataset(File.ReadAllText(json), json);
        var meta = r.MetaPath is { } m ? KeypointMetaYaml.Parse(File.ReadAllText(m), m) : null;
        var result = CocoToYolo.Convert(gt, json, new CocoToYoloOptions { Dims = r.Dims ?? meta?.Dims ?? 3, Decimals = r.Decimals, Meta = meta });
        var split = r.Split ?? SplitOf(json);

        string? imagesDir = null;
        if (r.ImagesMode != FileTransferMode.None)
        {
            imagesDir = r.ImagesDir ?? GuessImagesDir(json, split)
                ?? throw new InputException($"{json}: cannot find its images (tried ../images/{split}, ../{split}, images/ beside it); give --images or --images-mode none");
            foreach (var img in gt.Images)
            {
                var path = Path.Combine(imagesDir, img.FileName);
                if (!File.Exists(path))
                {
                    throw new InputException($"{json}: image {img.Id} '{img.FileName}' not found in {imagesDir}");
                }

                var h = ImageFiles.ReadHeader(path);
                if (h.DisplayWidth != img.Width || h.DisplayHeight != img.Height)
                {
                    throw new InputException($"{json}: image {img.Id} '{img.FileName}' is {img.Width} × {img.Height} in the json but {h.DisplayWidth} × {h.DisplayHeight} on disk");
                }
            }
        }

        var output = OutputFolder.Prepare(r.Output, r.Force, json, imagesDir ?? json);
        YoloLayoutWriter.Write(output, result, split, img => imagesDir is null ? null : ImageSource.File(Path.Combine(imagesDir, img.FileName)), r.ImagesMode, json);
        log.Information(
            "Wrote {Images} label files ({Objects} objects) to {Output}/labels/{Split}; left out {Crowd} crowd regions and {Empty} zero-size boxes, which YOLO cannot hold",
            result.Files.Count,
            result.Files.Sum(f => f.Instances),
            output.Root,
            split,
            result.CrowdSkipped,
            result.EmptyBoxSkipped);
    }

    /// <summary>person_keypoints_val2017.json → val2017; anything else → train.</summary>
    public static string SplitOf(string json)
    {
        var stem = Path.GetFileNameWithoutExtension(json);
        int at = stem.LastIndexOf('_');
        var tail = at >= 0 ? stem[(at + 1)..] : stem;
        return tail.StartsWith("train", StringComparison.OrdinalIgnoreCase) || tail.StartsWith("val", StringComparison.OrdinalIgnoreCase) || tail.StartsWith("test", StringComparison.OrdinalIgnoreCase)
            ? tail
            : "train";
    }

    /// <summary>Where a COCO json's images usually are: ../images/&lt;split&gt;, ../&lt;split&gt;, or images/ beside it.</summary>
    public static string? GuessImagesDir(string json, string split)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(json))!;
        string[] candidates = [Path.Combine(dir, "..", "images", split), Path.Combine(dir, "..", split), Path.Combine(dir, "images")];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }
}
