using System.Diagnostics;
using EdgePose.Cli.Files;
using EdgePose.Core.Coco;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Inference;
using EdgePose.Host.Engines;
using EdgePose.Native.OpenCv;
using Serilog;

namespace EdgePose.Host.Val;

/// <summary>
/// Runs one model over a validation set and evaluates it: every image through the pose predictor (with the flip
/// test if asked), detections written as Ultralytics' validator writes them, then pycocotools-equivalent keypoint
/// (OKS) and box (IoU) evaluation, PCK and per-keypoint errors. The first image is run once untimed to warm up.
/// </summary>
public sealed class ValRunner
{
    private readonly ValOptions _options;
    private readonly ILogger _log;

    public ValRunner(ValOptions options, ILogger log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Opens the model and checks it against the data (keypoint shape, decoding), without evaluating: a bad model is found before any work.</summary>
    public void Validate(string model, ValData data)
    {
        if (data.Images.Count == 0)
        {
            throw new InputException($"the data {data.Source} holds no images to validate on");
        }

        using var engine = EngineFactory.Open(model, _options.Engine with { Warn = _ => { } });
        var predictor = new PosePredictor(engine, OpenCvBgrResizer.Instance, new PredictorOptions { Decode = _options.Decode.Validated(), ImageSize = _options.Engine.ImageSize, KeypointShape = _options.KeypointShape }, model);
        CheckKeypointShape(data, predictor.Layout, model);
    }

    public ValResult Run(string model, ValData data, CancellationToken ct)
    {
        var decode = _options.Decode.Validated();
        var wall = Stopwatch.StartNew();
        var timings = new ValTimings();
        using var engine = EngineFactory.Open(model, _options.Engine with { Warn = w => _log.Warning("{Warning}", w) });
        var predictor = new PosePredictor(engine, OpenCvBgrResizer.Instance, new PredictorOptions { Decode = decode, ImageSize = _options.Engine.ImageSize, KeypointShape = _options.KeypointShape }, model);
        timings.ModelLoad = wall.Elapsed;
        CheckKeypointShape(data, predictor.Layout, model);
        if (_options.Flip && data.Meta.FlipIndex.Select((f, k) => f == k).All(same => same) && data.Meta.KeypointCount > 1)
        {
            _log.Warning("flip_idx of {Data} maps every keypoint to itself; the flip test then pairs left with left on the mirror", data.Source);
        }

        IPosePredictor poses = _options.Flip ? new FlipTestPredictor(predictor, data.Meta.FlipIndex) : predictor;
        _log.Information(
            "Val {Model} ({Engine}, input {Width}x{Height}) on {Data}: {Images} images, flip test {Flip}",
            model,
            engine.Description,
            predictor.Input.Width,
            predictor.Input.Height,
            data.Source,
            data.Images.Count,
            _options.Flip ? "on" : "off");

        var results = new List<CocoDetection>();
        var failed = new List<string>();
        bool warm = false;
        using var image = new BgrMat();
        for (int i = 0; i < data.Images.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var img = data.Images[i];
            try
            {
                long t0 = Stopwatch.GetTimestamp();
                ImageCodec.Read(InputFile.Require(img.Path, "image"), image);
                var read = Stopwatch.GetElapsedTime(t0);
                if (!warm)
                {
                    poses.Predict(image.AsView());
                    warm = true;
                }

                var det = poses.Predict(image.AsView());
                timings.Add(read, poses.LastTimes);
                UltralyticsCocoResults.Append(results, img.ImageId, det, data.CategoryOfClass);
                _log.Debug("{Image}: {Count} detections, {Ms:F1} ms", img.Path, det.Count, poses.LastTimes.Total.TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One image's failure is that image's alone: it is evaluated as having no detections, and reported.
                var reason = CommandErrors.MessageOf(e);
                _log.Warning("Skipped {Image}: {Reason}", img.Path, reason);
                failed.Add(reason.Contains(img.Path, StringComparison.Ordinal) ? reason : $"{img.Path}: {reason}");
            }
        }

        long e0 = Stopwatch.GetTimestamp();
        var set = CocoDetectionSet.FromResults(data.GroundTruth, results, "predictions");
        var keypoints = CocoEvaluator.EvaluateKeypoints(set, data.Meta.Sigmas);
        var boxes = CocoEvaluator.EvaluateBoxes(set);
        var pck = ValResult.PckAlphas.Select(a => PckEvaluator.Evaluate(set, new PckOptions { Alpha = a })).ToArray();
        timings.Evaluation = Stopwatch.GetElapsedTime(e0);
        timings.Wall = wall.Elapsed;
        return new ValResult
        {
            Model = model,
            Engine = engine.Description,
            InputWidth = predictor.Input.Width,
            InputHeight = predictor.Input.Height,
            Data = data,
            Options = _options with { Decode = decode },
            Results = results,
            Keypoints = keypoints,
            Boxes = boxes,
            Pck = pck,
            Timings = timings,
            FailedImages = failed,
        };
    }

    /// <summary>The model's keypoints per object (and values per keypoint, where the data says) must be the data's.</summary>
    private static void CheckKeypointShape(ValData data, OutputLayout layout, string model)
    {
        int k = data.GroundTruth.KeypointCount;
        bool dimsDiffer = data.KeypointDims is int d && d != layout.KeypointDims;
        if (k != layout.KeypointCount || dimsDiffer)
        {
            throw new InputException(data.KeypointDims is int dd
                ? $"kpt_shape [{k}, {dd}] of the data {data.Source} differs from the model's kpt_shape [{layout.KeypointCount}, {layout.KeypointDims}] ({model})"
                : $"the data {data.Source} has {k} keypoints per object, but the model's kpt_shape is [{layout.KeypointCount}, {layout.KeypointDims}] ({model})");
        }
    }
}
