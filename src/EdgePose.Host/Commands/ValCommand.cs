using System.CommandLine;
using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Cli.Files;
using EdgePose.Data.Val;
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
        var output = new Option<string>("--out", "-o") { Description = "Output folder; one that holds files gets a numbered sibling (runs/val2, ...)", DefaultValueFactory = _ => "runs/val" };
        var existOk = new Option<bool>("--exist-ok") { Description = "Write into --out even if it holds files (same-named files are replaced), like edgepose-train's --force" };
        var inference = new InferenceCommandOptions(DecodeOptions.UltralyticsVal.Confidence, DecodeOptions.UltralyticsVal.Iou, DecodeOptions.UltralyticsVal.MaxDetections);
        var flip = new Option<bool>("--flip") { Description = "Flip test: also run each image mirrored and average the matched detections" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };

        var cmd = new Command("val", "Evaluate a model: COCO keypoint and box mAP, PCK, per-keypoint errors, plots")
        {
            model, compare, data, images, output, existOk, inference.Conf, inference.Iou, inference.MaxDet, inference.ImageSize, inference.Threads, inference.KeypointShape, inference.Provider, inference.Batch, flip, verbose,
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
                KeypointShape = inference.KeypointShapeOf(parse),
                Flip = parse.GetValue(flip),
            };
            using var log = CliLogging.Create(parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            OpenCvLogging.ForCommand(parse.GetValue(verbose));
            OpenCvNative.Require("edgepose val (it decodes images)");
            var stdout = parse.InvocationConfiguration.Output;
            var valData = ValDataLoader.Load(options.Data, options.Images);
            foreach (var note in valData.Notes)
            {
                stdout.WriteLine("note: " + note);
            }

            var folder = RunFolder.Choose(options.OutputDirectory, parse.GetValue(existOk), InputsOf(options, valData));
            var runner = new ValRunner(options, log);

            // Every model is opened and checked against the data before any is evaluated.
            foreach (var m in models)
            {
                runner.Validate(m, valData);
            }

            if (models.Length == 1)
            {
                var result = runner.Run(models[0], valData, ct);
                var files = ValOutputs.Write(result, folder);
                stdout.Write(ValSummaryMarkdown.Tables(result));
                stdout.WriteLine(Summary(result, files.Folder));
                return Task.FromResult(ReportFailures(parse.InvocationConfiguration.Error, result));
            }

            var a = runner.Run(models[0], valData, ct);
            var b = runner.Run(models[1], valData, ct);
            ValOutputs.Write(a, Path.Combine(folder, "a"));
            ValOutputs.Write(b, Path.Combine(folder, "b"));
            AtomicFile.WriteAllText(Path.Combine(folder, "compare.md"), ValComparisonReport.Markdown(a, b));
            AtomicFile.WriteStream(Path.Combine(folder, "compare.json"), stream =>
            {
                using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                ValComparisonReport.WriteJson(w, a, b);
            });

            stdout.WriteLine($"A: {a.Model} ({a.Engine})");
            stdout.WriteLine($"B: {b.Model} ({b.Engine})");
            stdout.Write(ValComparisonReport.Table(a, b));
            stdout.WriteLine($"wrote {folder}: compare.md, compare.json, a/ and b/");
            return Task.FromResult(Math.Max(ReportFailures(parse.InvocationConfiguration.Error, a), ReportFailures(parse.InvocationConfiguration.Error, b)));
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

    /// <summary>Prints each image that failed as an error line; a run with failed images exits <see cref="ExitCodes.BadInput"/>.</summary>
    private static int ReportFailures(TextWriter stderr, ValResult r)
    {
        foreach (var f in r.FailedImages)
        {
            stderr.WriteLine("error: " + CommandErrors.OneLine(f));
        }

        if (r.FailedImages.Count > 0)
        {
            stderr.WriteLine($"error: {r.FailedImages.Count} of {r.Data.Images.Count} images failed and count as images with no detections; the AP above is lower than the model's");
        }

        return r.FailedImages.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>The data file and the folders its images lie in: no output may land there.</summary>
    private static IEnumerable<string> InputsOf(ValOptions options, ValData data) =>
        new[] { options.Data }.Concat(data.Images.Select(i => Path.GetDirectoryName(Path.GetFullPath(i.Path))!).Distinct(StringComparer.Ordinal));

    private static string Summary(ValResult r, string folder) => FormattableString.Invariant(
        $"{r.Data.Images.Count} images, {r.Results.Count} detections; keypoint AP {r.Keypoints["AP"]:F4}, box AP {r.Boxes["AP"]:F4}; {r.Timings.PerImageMs:F1} ms per image (inference {r.Timings.InferenceMs:F1}); wrote {folder}");
}
