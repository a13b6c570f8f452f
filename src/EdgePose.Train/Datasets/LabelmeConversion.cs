using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using Serilog;

namespace EdgePose.Train.Datasets;

/// <summary>
/// labelme folder → COCO (annotations.json + images/) or YOLO-pose (images/, labels/, data.yaml).
/// Everything is read and converted before the first file is written, so bad input leaves no half output.
/// </summary>
public static class LabelmeConversion
{
    public static void Run(ConvertRequest r, ILogger log)
    {
        OutputFolder.Validate(r.Output, r.Force, r.Input);
        var configPath = r.ConfigPath ?? throw new InputException("labelme conversion needs --config: a yaml with names (rectangle labels), keypoint_names or kpt_shape, flip_idx, skeleton and optional keypoint_labels");
        var configText = File.ReadAllText(configPath);
        var parsed = KeypointMetaYaml.Parse(configText, configPath);
        var meta = parsed with { Dims = r.Dims ?? parsed.Dims };
        var config = LabelmeConfigYaml.Parse(configText, configPath);
        var entries = LabelmeFolder.Read(r.Input, log);
        var options = new LabelmeToCocoOptions
        {
            Area = r.Area,
            BoxMarginPixels = r.BoxMarginPixels,
            RequireAllKeypoints = r.RequireAllKeypoints,
            AllowBoxesWithoutKeypoints = r.AllowBoxesWithoutKeypoints,
        };
        var coco = LabelmeToCoco.Convert(entries.Select(e => e.Image).ToList(), meta, config, options);
        var sources = entries.ToDictionary(e => e.Image.FileName, e => e.Source, StringComparer.Ordinal);
        int missing = coco.Annotations.Sum(a => meta.KeypointCount - a.NumKeypoints);
        log.Information(
            "{Objects} objects in {Images} images; {Missing} keypoints not drawn became v=0; {Policy}",
            coco.Annotations.Count,
            coco.Images.Count,
            missing,
            r.Area.Describe());

        if (r.To == DatasetFormat.Coco)
        {
            var output = OutputFolder.Prepare(r.Output, r.Force, r.Input);
            foreach (var img in coco.Images)
            {
                output.Place(sources[img.FileName], $"images/{img.FileName}", r.ImagesMode);
            }

            output.WriteText("annotations.json", CocoJson.Serialize(coco));
            log.Information("Wrote {Json} and {Images} images", output.PathOf("annotations.json"), coco.Images.Count);
        }
        else if (r.To == DatasetFormat.Yolo)
        {
            var yolo = CocoToYolo.Convert(coco, r.Input, new CocoToYoloOptions { Dims = meta.Dims, Decimals = r.Decimals, Meta = meta });
            var output = OutputFolder.Prepare(r.Output, r.Force, r.Input);
            var split = r.Split ?? "train";
            YoloLayoutWriter.Write(output, yolo, split, img => sources[img.FileName], r.ImagesMode, $"labelme files in {r.Input}");
            log.Information("Wrote YOLO-pose split {Split} with {Images} images to {Output}", split, yolo.Files.Count, output.Root);
        }
        else
        {
            throw new InputException("labelme converts to coco or yolo");
        }
    }
}
