using System.Diagnostics;
using EdgePose.Cli;
using EdgePose.Cli.Files;
using EdgePose.Core.Coco;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Inference;
using EdgePose.Data.Val;
using EdgePose.Host.Engines;
using EdgePose.Native.OpenCv;
using OpenCvSharp;
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
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new PosePredictor(engine, resizer, PredictorOptionsFor(_options.Decode.Validated()), model);
        CheckKeypointShape(data, predictor.Layout, model);
    }

    public ValResult Run(string model, ValData data, CancellationToken ct)
    {
        var decode = _options.Decode.Validated();
        var wall = Stopwatch.StartNew();
        var timings = new ValTimings();
        using var engine = EngineFactory.Open(model, _options.Engine with { Warn = w => _log.Warning("{Warning}", w) });
        var predictorOptions = PredictorOptionsFor(decode);
        using var resizer = new OpenCvBgrResizer();
        using var batch = new BatchPosePredictor(engine, resizer, predictorOptions, model);
        var predictor = batch;
        timings.ModelLoad = wall.Elapsed;
        CheckKeypointShape(data, predictor.Layout, model);
        if (_options.Flip && data.Meta.FlipIndex.Select((f, k) => f == k).All(same => same) && data.Meta.KeypointCount > 1)
        {
            _log.Warning("flip_idx of {Data} maps every keypoint to itself; the flip test then pairs left with left on the mirror", data.Source);
        }

        // The flip test runs an image and its mirror one by one; the plain run takes the engine's batches.
        using var single = _options.Flip ? new PosePredictor(engine, resizer, predictorOptions, model) : null;
        IPosePredictor? flip = single is null ? null : new FlipTestPredictor(single, data.Meta.FlipIndex);
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
        var run = new ImageRun(data, results, failed, timings, _log);
        if (flip is not null)
        {
            run.Single(flip, ct);
        }
        else
        {
            run.Batched(batch, ct);
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

    private PredictorOptions PredictorOptionsFor(DecodeOptions decode) => new()
    {
        Decode = decode,
        ImageSize = _options.Engine.ImageSize,
        MaxBatch = _options.Engine.Batch,
        KeypointShape = _options.KeypointShape,
    };

    /// <summary>
    /// The images of a validation set through a predictor, results appended in image order. One image's failure is
    /// that image's alone: it is evaluated as having no detections, and reported.
    /// </summary>
    private sealed class ImageRun(ValData data, List<CocoDetection> results, List<string> failed, ValTimings timings, ILogger log)
    {
        /// <summary>One image at a time (the flip test); the first image once untimed to warm up.</summary>
        public void Single(IPosePredictor poses, CancellationToken ct)
        {
            bool warm = false;
            foreach (var img in data.Images)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    long t0 = Stopwatch.GetTimestamp();
                    using var image = Read(img);
                    var read = Stopwatch.GetElapsedTime(t0);
                    if (!warm)
                    {
                        poses.Predict(image);
                        warm = true;
                    }

                    var det = poses.Predict(image);
                    timings.Add(read, poses.LastTimes);
                    Append(img, det, poses.LastTimes.Total);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Fail(img, e);
                }
            }
        }

        /// <summary>As many images per run as the predictor takes; the first image once untimed to warm up.</summary>
        public void Batched(BatchPosePredictor batch, CancellationToken ct)
        {
            var images = new Mat?[batch.MaxBatch];
            var inBatch = new ValImage[batch.MaxBatch];
            var reads = new TimeSpan[batch.MaxBatch];
            bool warm = false;
            try
            {
                foreach (var img in data.Images)
                {
                    ct.ThrowIfCancellationRequested();
                    int slot = batch.Count;
                    try
                    {
                        long t0 = Stopwatch.GetTimestamp();
                        var image = Read(img);
                        images[slot]?.Dispose();
                        images[slot] = image;
                        reads[slot] = Stopwatch.GetElapsedTime(t0);
                        if (!warm)
                        {
                            batch.Add(image.AsBgrImage());
                            batch.Run();
                            warm = true;
                        }

                        batch.Add(image.AsBgrImage());
                        inBatch[slot] = img;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Fail(img, e);
                        continue;
                    }

                    if (batch.IsFull)
                    {
                        RunBatch(batch, inBatch, reads);
                    }
                }

                if (batch.Count > 0)
                {
                    RunBatch(batch, inBatch, reads);
                }
            }
            finally
            {
                foreach (var image in images)
                {
                    image?.Dispose();
                }
            }
        }

        private void RunBatch(BatchPosePredictor batch, ValImage[] inBatch, TimeSpan[] reads)
        {
            batch.Run();
            var times = batch.LastTimes.PerImage(batch.LastBatch);
            for (int s = 0; s < batch.LastBatch; s++)
            {
                timings.Add(reads[s], times);
                Append(inBatch[s], batch.Detections(s), times.Total);
            }
        }

        private static Mat Read(ValImage img) => ImageCodec.Read(InputFile.Require(img.Path, "image"));

        private void Fail(ValImage img, Exception e)
        {
            var reason = CommandErrors.MessageOf(e);
            log.Warning("Skipped {Image}: {Reason}", img.Path, reason);
            failed.Add(reason.Contains(img.Path, StringComparison.Ordinal) ? reason : $"{img.Path}: {reason}");
        }

        private void Append(ValImage img, Core.Poses.PoseDetections det, TimeSpan total)
        {
            UltralyticsCocoResults.Append(results, img.ImageId, det, data.CategoryOfClass);
            log.Debug("{Image}: {Count} detections, {Ms:F1} ms", img.Path, det.Count, total.TotalMilliseconds);
        }
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
