using System.CommandLine;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Errors;
using EdgePose.Train.Datasets;
using Serilog;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train data convert INPUT --to coco|yolo -o OUT`: labelme → COCO or YOLO-pose, COCO → YOLO-pose,
/// YOLO-pose → COCO. The input format is detected (a folder of json files is labelme, a .json COCO, a
/// data.yaml or a folder with one YOLO) or given with --from.
/// </summary>
public static class DataConvertCommand
{
    public static Command Create(ILogger log)
    {
        var input = new Argument<string>("input") { Description = "labelme folder, COCO .json, or YOLO data.yaml (or its folder)" };
        var to = new Option<string>("--to") { Description = "Output format", Required = true };
        to.AcceptOnlyFromAmong("coco", "yolo");
        var from = new Option<string?>("--from") { Description = "Input format (detected when left out)" };
        from.AcceptOnlyFromAmong("labelme", "coco", "yolo");
        var output = OptionValues.Output();
        var force = OptionValues.Force();
        var config = new Option<string?>("--config") { Description = "labelme: yaml with names (rectangle labels), keypoint meta (kpt_shape or keypoint_names, flip_idx, skeleton) and optional keypoint_labels, hidden_suffix, hidden_flag" };
        var meta = new Option<string?>("--meta") { Description = "COCO → YOLO: meta yaml for flip_idx, sigmas, colours (else taken from the categories, flips from left/right names)" };
        var images = new Option<string?>("--images") { Description = "COCO → YOLO: folder the json's file_names are in (else ../images/<split> or ../<split> beside the json)" };
        var imagesMode = OptionValues.TransferMode("--images-mode", "How images reach the output", FileTransferMode.Copy, FileTransferMode.Copy, FileTransferMode.Symlink, FileTransferMode.None);
        var split = new Option<string?>("--split") { Description = "Split folder to write (labelme/COCO → YOLO; default train, or the json's suffix such as val2017) or to read (YOLO → COCO; default all)" };
        var dims = new Option<int?>("--kpt-dims") { Description = "Values per keypoint in YOLO labels: 3 (x, y, visibility) or 2 (x, y); default the config's or meta's kpt_shape, else 3" };
        dims.AcceptOnlyFromAmong("2", "3");
        var decimals = new Option<int>("--decimals") { Description = "Decimals in YOLO labels", DefaultValueFactory = _ => 6 }.InRange(1, 15);
        var area = new Option<double>("--area-factor") { Description = "COCO area of box-only objects = box area × this (0.53 as Ultralytics' OKS; 1 for the plain box)", DefaultValueFactory = _ => 0.53 }.InRange(1e-6, 1);
        var margin = new Option<double>("--box-margin") { Description = "labelme: pixels a point may lie outside its rectangle", DefaultValueFactory = _ => 0 }.InRange(0, 1e6);
        var requireAll = new Option<bool>("--require-all-keypoints") { Description = "labelme: every box must have every keypoint (else absent points are v=0)" };
        var allowEmpty = new Option<bool>("--allow-empty-boxes") { Description = "labelme: keep rectangles without points as objects without keypoints" };

        var cmd = new Command("convert", "Convert between labelme, COCO keypoints json and YOLO-pose");
        foreach (var o in new Option[] { to, from, output, force, config, meta, images, imagesMode, split, dims, decimals, area, margin, requireAll, allowEmpty })
        {
            cmd.Options.Add(o);
        }

        cmd.Arguments.Add(input);
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var request = new ConvertRequest
            {
                Input = path,
                Output = parse.GetValue(output)!,
                From = parse.GetValue(from) is { } f ? Parse(f) : DatasetFormats.Detect(path),
                To = Parse(parse.GetValue(to)!),
                Force = parse.GetValue(force),
                ConfigPath = parse.GetValue(config),
                MetaPath = parse.GetValue(meta),
                ImagesDir = parse.GetValue(images),
                ImagesMode = OptionValues.ParseMode(parse.GetValue(imagesMode)!),
                Split = parse.GetValue(split),
                Dims = parse.GetValue(dims),
                Decimals = parse.GetValue(decimals),
                Area = CocoAreaPolicy.FromFactor(parse.GetValue(area)),
                BoxMarginPixels = parse.GetValue(margin),
                RequireAllKeypoints = parse.GetValue(requireAll),
                AllowBoxesWithoutKeypoints = parse.GetValue(allowEmpty),
            };
            Run(request, log);
            return 0;
        });
        return cmd;
    }

    public static void Run(ConvertRequest r, ILogger log)
    {
        switch (r.From, r.To)
        {
            case (DatasetFormat.Labelme, _):
                LabelmeConversion.Run(r, log);
                break;
            case (DatasetFormat.Coco, DatasetFormat.Yolo):
                CocoToYoloConversion.Run(r, log);
                break;
            case (DatasetFormat.Yolo, DatasetFormat.Coco):
                YoloToCocoConversion.Run(r, log);
                break;
            default:
                throw new InputException($"{r.Input} is already {r.From.ToString().ToLowerInvariant()}; nothing to convert to {r.To.ToString().ToLowerInvariant()}");
        }
    }

    private static DatasetFormat Parse(string s) => s switch
    {
        "labelme" => DatasetFormat.Labelme,
        "coco" => DatasetFormat.Coco,
        _ => DatasetFormat.Yolo,
    };
}
