using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Host.Predict;
using EdgePose.Native.OpenCv;

namespace EdgePose.Host.Commands;

/// <summary>`edgepose predict`: poses for an image, a folder of images or a video, as JSON and annotated images.</summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Model file (.onnx)", Required = true };
        var source = new Option<string>("--source", "-s") { Description = "Image, folder of images, video file, camera index, or a URI: rtsp://, file://, v4l2:///dev/videoN, csi://N, gst://PIPELINE, test://PATTERN", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Output folder; one that holds files gets a numbered sibling (runs/predict2, ...)", DefaultValueFactory = _ => "runs/predict" };
        var existOk = new Option<bool>("--exist-ok") { Description = "Write into --out even if it holds files (same-named files are replaced), like edgepose-train's --force" };
        var inference = new InferenceCommandOptions(conf: 0.25f, iou: 0.7, maxDet: 300);
        var agnostic = new Option<bool>("--agnostic-nms") { Description = "Suppress overlapping boxes across classes" };
        var noImages = new Option<bool>("--no-images") { Description = "Write only JSON, no annotated images or video" };
        var meta = new Option<string?>("--meta") { Description = "Meta file or data.yaml with keypoint names, skeleton and colours (default: from the model)" };
        var format = new Option<string>("--image-format") { Description = "Annotated image type: jpg or png", DefaultValueFactory = _ => "jpg" };
        var maxFrames = new Option<long?>("--max-frames") { Description = "Stop a video or stream after this many frames" };
        var track = new Option<bool>("--track") { Description = "Track persons across the frames of a video or stream (ByteTrack): track_id in the JSON Lines" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging" };

        var cmd = new Command("predict", "Detect poses in images, folders or videos")
        {
            model, source, output, existOk, inference.Conf, inference.Iou, inference.ImageSize, inference.MaxDet, inference.Threads, inference.KeypointShape, inference.Provider, inference.Batch, agnostic, noImages, meta, format, maxFrames, track, verbose,
        };
        cmd.SetAction((parse, ct) =>
        {
            var options = new PredictOptions
            {
                Model = parse.GetRequiredValue(model),
                Source = parse.GetRequiredValue(source),
                OutputDirectory = parse.GetRequiredValue(output),
                ExistOk = parse.GetValue(existOk),
                Decode = inference.Decode(parse) with { ClassAgnostic = parse.GetValue(agnostic) },
                Engine = inference.Engine(parse),
                KeypointShape = inference.KeypointShapeOf(parse),
                SaveImages = !parse.GetValue(noImages),
                ImageFormat = parse.GetRequiredValue(format),
                MetaFile = parse.GetValue(meta),
                MaxFrames = parse.GetValue(maxFrames),
                Track = parse.GetValue(track),
            };
            using var log = CliLogging.Create(parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            OpenCvLogging.ForCommand(parse.GetValue(verbose));
            OpenCvNative.Require("edgepose predict (it decodes, draws and encodes images)");
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var report = new PredictRunner(options, log, stdout).Run(ct);
            foreach (var failure in report.Failures)
            {
                stderr.WriteLine("error: " + failure);
            }

            return Task.FromResult(report.Failures.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok);
        });
        return cmd;
    }
}
