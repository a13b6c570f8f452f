using System.CommandLine;
using EdgePose.Core.Errors;
using EdgePose.Train.Datasets;
using EdgePose.Train.Preview;
using Serilog;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train data preview INPUT -o OUT [--sheet]`: draws the labels (boxes, skeletons, keypoints in the
/// meta's colours; hidden points as rings) on the images, one file per image or contact sheets.
/// </summary>
public static class DataPreviewCommand
{
    public static Command Create(ILogger log)
    {
        var input = new Argument<string>("input") { Description = "YOLO data.yaml (or its folder), COCO .json, or labelme folder" };
        var output = OptionValues.Output();
        var force = OptionValues.Force();
        var from = new Option<string?>("--from") { Description = "Input format (detected when left out)" };
        from.AcceptOnlyFromAmong("labelme", "coco", "yolo");
        var config = new Option<string?>("--config") { Description = "labelme: the conversion config (names, keypoint meta, label mapping)" };
        var images = new Option<string?>("--images") { Description = "COCO: folder the json's file_names are in" };
        var split = new Option<string?>("--split") { Description = "YOLO: only this split (train, val, test)" };
        var max = new Option<int>("--max") { Description = "Draw at most this many images (0: all)", DefaultValueFactory = _ => 0 }.InRange(0, int.MaxValue);
        var sheet = new Option<bool>("--sheet") { Description = "Draw contact sheets (sheet_000.png, ...) instead of one file per image" };
        var columns = new Option<int>("--columns") { Description = "Contact sheet columns", DefaultValueFactory = _ => 4 }.InRange(1, 64);
        var tile = new Option<int>("--tile") { Description = "Contact sheet tile size in pixels", DefaultValueFactory = _ => 320 }.InRange(32, 4096);
        var perSheet = new Option<int>("--per-sheet") { Description = "Images per contact sheet", DefaultValueFactory = _ => 16 }.InRange(1, 1024);
        var cmd = new Command("preview", "Draw labels on images: one file per image or contact sheets");
        cmd.Arguments.Add(input);
        foreach (var o in new Option[] { output, force, from, config, images, split, max, sheet, columns, tile, perSheet })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var outPath = parse.GetValue(output)!;
            OutputFolder.Validate(outPath, parse.GetValue(force), path);
            var format = parse.GetValue(from) is { } f ? Enum.Parse<DatasetFormat>(f, ignoreCase: true) : DatasetFormats.Detect(path);
            var set = PreviewSet.Load(path, format, parse.GetValue(config), parse.GetValue(images), parse.GetValue(split), log);
            int n = parse.GetValue(max);
            var chosen = (n > 0 ? set.Coco.Images.Take(n) : set.Coco.Images).ToList();
            if (chosen.Count == 0)
            {
                throw new InputException($"{path}: no images to preview{(parse.GetValue(split) is { } s ? $" in the split '{s}'" : "")}");
            }

            var outFolder = OutputFolder.Prepare(outPath, parse.GetValue(force), path);
            if (parse.GetValue(sheet))
            {
                PreviewRenderer.WriteSheets(set, chosen, outFolder, new PreviewRenderer.SheetOptions(parse.GetValue(columns), parse.GetValue(tile), parse.GetValue(perSheet)), log);
            }
            else
            {
                PreviewRenderer.WriteImages(set, chosen, outFolder, log);
            }

            return 0;
        });
        return cmd;
    }
}
