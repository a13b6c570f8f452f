using System.Text.Json;
using EdgePose.Cli.Files;
using EdgePose.Core.Drawing;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Host.Engines;
using EdgePose.Native.Drawing;
using EdgePose.Native.OpenCv;
using Serilog;

namespace EdgePose.Host.Predict;

/// <summary>
/// Runs `edgepose predict`: every image of the source (or every frame of a video) through one
/// <see cref="PosePredictor"/>, writing JSON and annotated images to the output folder. One image
/// buffer is reused for all frames. Each image's failure is that image's alone: it is reported and skipped,
/// and the run then ends with a non-zero exit. Every file is written under a temporary name and renamed when
/// complete. A cancelled run (SIGINT, SIGTERM) closes the video and the JSON Lines it has open, keeps what
/// was written, and ends with <see cref="OperationCanceledException"/> ("cancelled").
/// </summary>
public sealed class PredictRunner
{
    private readonly PredictOptions _options;
    private readonly ILogger _log;
    private readonly TextWriter _stdout;

    public PredictRunner(PredictOptions options, ILogger log, TextWriter stdout)
    {
        _options = options;
        _log = log;
        _stdout = stdout;
    }

    public PredictReport Run(CancellationToken ct)
    {
        var decode = _options.Decode.Validated();
        if (_options.ImageFormat is not ("jpg" or "png"))
        {
            throw new InputException($"image format '{_options.ImageFormat}' is not jpg or png");
        }

        if (_options.MaxFrames is < 1)
        {
            throw new InputException($"max-frames {_options.MaxFrames} must be at least 1");
        }

        var source = PredictSource.Resolve(_options.Source);
        var folder = RunFolder.Choose(_options.OutputDirectory, _options.ExistOk, source.LocalInputs);
        var outputs = PredictOutputs.Plan(source, folder, _options.ImageFormat, _options.SaveImages);
        using var engine = EngineFactory.Open(_options.Model, _options.Engine with { Warn = w => _log.Warning("{Warning}", w) });
        var predictor = new PosePredictor(engine, OpenCvBgrResizer.Instance, new PredictorOptions { Decode = decode, ImageSize = _options.Engine.ImageSize, KeypointShape = _options.KeypointShape }, _options.Model);
        var meta = ModelKeypointMeta.Resolve(
            predictor.Layout.KeypointCount,
            predictor.Layout.KeypointDims,
            engine.Metadata,
            _options.MetaFile is { } m ? ReadText(m, "meta file") : null,
            _options.MetaFile ?? "meta");
        _log.Information("Model {Model}: {Engine}; input {Width}x{Height}; {Layout}", _options.Model, engine.Description, predictor.Input.Width, predictor.Input.Height, predictor.Layout);
        Directory.CreateDirectory(folder);
        _log.Information("Writing to {Folder}", folder);
        var ctx = new Context(predictor, meta, engine.Metadata.Names, outputs, new PredictReport());
        if (source.Kind == SourceKind.Video)
        {
            RunVideo(source.Path, ctx, ct);
        }
        else
        {
            RunImages(source, ctx, ct);
        }

        _stdout.WriteLine(ctx.Report.Summary() + "; wrote " + folder);
        ct.ThrowIfCancellationRequested();
        return ctx.Report;
    }

    private void RunImages(PredictSource source, Context ctx, CancellationToken ct)
    {
        using var image = new BgrMat();
        foreach (var path in source.Images)
        {
            if (ct.IsCancellationRequested)
            {
                return;
            }

            try
            {
                PredictImage(path, image, ctx);
            }
            catch (Exception e) when (source.Kind == SourceKind.Folder && e is not OperationCanceledException)
            {
                // One image's failure is that image's alone: report it, go on with the next.
                var reason = CommandErrors.MessageOf(e);
                _log.Warning("Skipped {Image}: {Reason}", path, reason);
                ctx.Report.Fail(e is InputException ? reason : $"{path}: {reason}");
            }
        }
    }

    private void PredictImage(string path, BgrMat image, Context ctx)
    {
        ImageCodec.Read(InputFile.Require(path, "image"), image);
        var det = ctx.Predictor.Predict(image.AsView());
        ctx.Report.Add(ctx.Predictor.LastTimes, det.Count);
        WriteJsonFile(ctx.Outputs.Json(path), path, image, det, ctx);
        if (_options.SaveImages)
        {
            Annotate(image, det, ctx);
            AtomicFile.Write(ctx.Outputs.AnnotatedImage(path), temp => ImageCodec.Write(temp, image));
        }

        _stdout.WriteLine(FormattableString.Invariant($"{Path.GetFileName(path)}: {det.Count} poses, {ctx.Predictor.LastTimes.Total.TotalMilliseconds:F1} ms"));
    }

    private void RunVideo(string path, Context ctx, CancellationToken ct)
    {
        using var capture = VideoCapture.Open(path);
        using var frame = new BgrMat();
        using var jsonlFile = PendingFile.For(ctx.Outputs.JsonLines(path));
        using var videoFile = PendingFile.For(ctx.Outputs.AnnotatedVideo(path));
        VideoWriter? writer = null;
        long index = 0;
        using (var jsonl = jsonlFile.OpenStream())
        using (var json = new Utf8JsonWriter(jsonl))
        {
            try
            {
                while (!ct.IsCancellationRequested && (_options.MaxFrames is null || index < _options.MaxFrames) && capture.Read(frame))
                {
                    var det = ctx.Predictor.Predict(frame.AsView());
                    ctx.Report.Add(ctx.Predictor.LastTimes, det.Count);
                    PredictionJson.Write(json, path, frame.Width, frame.Height, det, ctx.Meta, ctx.Names, index);
                    json.Flush();
                    jsonl.WriteByte((byte)'\n');
                    json.Reset();
                    if (_options.SaveImages)
                    {
                        writer ??= VideoWriter.Open(videoFile.TempPath, "MJPG", capture.Fps > 0 ? capture.Fps : 25, frame.Width, frame.Height);
                        Annotate(frame, det, ctx);
                        writer.Write(frame);
                    }

                    index++;
                }
            }
            finally
            {
                // Close the video (its index is written on close) and the JSON Lines, also when cancelled.
                writer?.Dispose();
            }
        }

        if (index == 0 && !ct.IsCancellationRequested)
        {
            throw new InputException($"video '{path}' gave no frames");
        }

        // Complete files, also after a cancel: what was processed is kept under the real names.
        jsonlFile.Commit();
        if (writer is not null)
        {
            videoFile.Commit();
        }
    }

    private static string ReadText(string path, string what) => File.ReadAllText(InputFile.Require(path, what));

    private static void Annotate(BgrMat image, PoseDetections det, Context ctx)
    {
        var style = PoseDrawStyle.ForImage(image.Width, image.Height);
        PredictionOverlay.Build(ctx.Overlay, det, ctx.Meta, ctx.Names, style);
        OverlayPainter.Paint(image, ctx.Overlay, style.FontScale);
    }

    private static void WriteJsonFile(string file, string image, BgrMat img, PoseDetections det, Context ctx)
    {
        AtomicFile.WriteStream(file, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            PredictionJson.Write(w, image, img.Width, img.Height, det, ctx.Meta, ctx.Names);
        });
    }

    private sealed record Context(PosePredictor Predictor, KeypointMeta Meta, IReadOnlyDictionary<int, string> Names, PredictOutputs Outputs, PredictReport Report)
    {
        public List<DrawCommand> Overlay { get; } = [];
    }
}
