using System.CommandLine;
using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Host.Val;
using EdgePose.Native.OpenCv;

namespace EdgePose.Host.Commands;

/// <summary>
/// `edgepose val`: COCO keypoint and box mAP (pycocotools' numbers) of a model on a COCO keypoints json or an
/// Ultralytics data.yaml, with Ultralytics' validation settings; `--compare A B` runs two models side by side.
/// </summary>
public static class ValCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "Model file (.onnx, .engine, .plan)" };
        var compare = new Option<string[]?>("--compare") { Description = "Two model files A B to compare on the same data (instead of --model)", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(2, 2) };
        var data = new Option<string>("--data", "-d") { Description = "COCO keypoints json (images beside it) or Ultralytics data.yaml (its val split)", Required = true };
        var images = new Option<string?>("--images") { Description = "Images folder of a COCO json (default: images/<split> beside its annotations folder)" };
        var output = new Option<string>("--out", "-o") { Description = "Output folder", DefaultValueFactory = _ => "runs/val" };
        var inference = new InferenceCommandOptions(ValOptions.UltralyticsVal.Confidence, ValOptions.UltralyticsVal.Iou, ValOptions.UltralyticsVal.MaxDetections);
        var flip = new Option<bool>("--flip") { Description = "Flip test: also run each image mirrored and average the matched detections" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };

        var cmd = new Command("val", "Evaluate a model: COCO keypoint and box mAP, PCK, per-keypoint errors, plots")
        {
            model, compare, data, images, output, inference.Conf, inference.Iou, inference.MaxDet, inference.ImageSize, inference.Threads, inference.Provider, inference.Batch, flip, verbose,
        };
        cmd.SetAction((parse, ct) =>
        {
            var models = Models(parse.GetValue(model), parse.GetValue(compare));
            var options = new ValOptions
            {
                Data = parse.GetRequiredValue(data),
                Images = parse.GetValue(images),
                OutputDirectory = parse.GetRequiredValue(output),
                Decode = (inference.Decode(parse) with { MultiLabel = true }).Validated(),
                Engine = inference.Engine(parse),
                Flip = parse.GetValue(flip),
            };
            using var log = CliLogging.Create(parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            OpenCvLogging.ForCommand(parse.GetValue(verbose));
            var stdout = parse.InvocationConfiguration.Output;
            var valData = ValDataLoader.Load(options.Data, options.Images);
            foreach (var note in valData.Notes)
            {
                stdout.WriteLine("note: " + note);
            }

            var runner = new ValRunner(options, log);
            if (models.Length == 1)
            {
                var result = runner.Run(models[0], valData, ct);
                var files = ValOutputs.Write(result, options.OutputDirectory);
                stdout.Write(ValSummaryMarkdown.Tables(result));
                stdout.WriteLine(Summary(result, files.Folder));
                return Task.FromResult(ExitCodes.Ok);
            }

            var a = runner.Run(models[0], valData, ct);
            ValOutputs.Write(a, Path.Combine(options.OutputDirectory, "a"));
            var b = runner.Run(models[1], valData, ct);
            ValOutputs.Write(b, Path.Combine(options.OutputDirectory, "b"));
            File.WriteAllText(Path.Combine(options.OutputDirectory, "compare.md"), ValComparisonReport.Markdown(a, b));
            using (var stream = new FileStream(Path.Combine(options.OutputDirectory, "compare.json"), FileMode.Create, FileAccess.Write))
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                ValComparisonReport.WriteJson(w, a, b);
            }

            stdout.WriteLine($"A: {a.Model} ({a.Engine})");
            stdout.WriteLine($"B: {b.Model} ({b.Engine})");
            stdout.Write(ValComparisonReport.Table(a, b));
            stdout.WriteLine($"wrote {options.OutputDirectory}: compare.md, compare.json, a/ and b/");
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }

    private static string[] Models(string? model, string[]? compare) => (model, compare is { Length: > 0 } ? compare : null) switch
    {
        (not null, not null) => throw new InputException("give either --model or --compare A B, not both"),
        (not null, null) => [model],
        (null, { Length: 2 } pair) => pair,
        _ => throw new InputException("no model: give --model M, or --compare A B"),
    };

    private static string Summary(ValResult r, string folder) => FormattableString.Invariant(
        $"{r.Data.Images.Count} images, {r.Results.Count} detections; keypoint AP {r.Keypoints["AP"]:F4}, box AP {r.Boxes["AP"]:F4}; {r.Timings.PerImageMs:F1} ms per image (inference {r.Timings.InferenceMs:F1}); wrote {folder}");
}
