using System.Text.Json;
using EdgePose.Core.Drawing;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Core.Sources;
using EdgePose.Host.Engines;
using EdgePose.Native.Drawing;
using EdgePose.Native.GStreamer;
using EdgePose.Native.OpenCv;
using OpenCvSharp;
using Serilog;

namespace EdgePose.Host.Predict;

/// <summary>
/// Runs `edgepose predict`: every image of the source (or every frame of a video) through one
/// <see cref="BatchPosePredictor"/>, as many images per run as the engine takes (--batch), writing JSON and
/// annotated images to the output folder. One image buffer per batch slot is reused for all frames. An unreadable image in a folder is reported and skipped; the run
/// then ends with a non-zero exit.
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
        // A stream's pipeline is built before the model loads, so that a missing element or GStreamer is reported at once.
        var pipeline = source.Uri.IsStream ? GstSourceOpener.Pipeline(source.Uri) : null;
        var outputs = PredictOutputs.Plan(source, _options.OutputDirectory, _options.ImageFormat, _options.SaveImages);
        using var engine = EngineFactory.Open(_options.Model, _options.Engine with { Warn = w => _log.Warning("{Warning}", w) });
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new BatchPosePredictor(engine, resizer, new PredictorOptions { Decode = decode, ImageSize = _options.Engine.ImageSize, MaxBatch = _options.Engine.Batch }, _options.Model);
        var meta = ModelKeypointMeta.Resolve(
            predictor.Layout.KeypointCount,
            predictor.Layout.KeypointDims,
            engine.Metadata,
            _options.MetaFile is { } m ? ReadText(m, "meta file") : null,
            _options.MetaFile ?? "meta");
        _log.Information("Model {Model}: {Engine}; input {Width}x{Height}, {Batch} per run; {Layout}", _options.Model, engine.Description, predictor.Input.Width, predictor.Input.Height, predictor.MaxBatch, predictor.Layout);
        Directory.CreateDirectory(_options.OutputDirectory);
        var ctx = new Context(predictor, meta, engine.Metadata.Names, outputs, new PredictReport());
        if (pipeline is not null)
        {
            RunStream(source, pipeline, ctx, ct);
        }
        else if (source.Kind == SourceKind.VideoFile)
        {
            RunVideo(source.Name, ctx, ct);
        }
        else
        {
            RunImages(source, ctx, ct);
        }

        _stdout.WriteLine(ctx.Report.Summary());
        return ctx.Report;
    }

    private void RunImages(PredictSource source, Context ctx, CancellationToken ct)
    {
        var batch = ctx.Predictor;
        var images = new Mat?[batch.MaxBatch];
        var paths = new string[batch.MaxBatch];
        try
        {
            foreach (var path in source.Images)
            {
                ct.ThrowIfCancellationRequested();
                int slot = batch.Count;
                Mat image;
                try
                {
                    image = ImageCodec.Read(path);
                }
                catch (InputException e) when (source.Kind == SourceKind.ImageFolder)
                {
                    _log.Warning("Skipped {Image}", path);
                    ctx.Report.Fail(e.Message);
                    continue;
                }

                images[slot]?.Dispose();
                images[slot] = image;
                paths[slot] = path;
                batch.Add(image.AsBgrImage());
                if (batch.IsFull)
                {
                    WriteImageBatch(images, paths, ctx);
                }
            }

            if (batch.Count > 0)
            {
                WriteImageBatch(images, paths, ctx);
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

    private void WriteImageBatch(Mat?[] images, string[] paths, Context ctx)
    {
        var batch = ctx.Predictor;
        batch.Run();
        var times = batch.LastTimes.PerImage(batch.LastBatch);
        for (int slot = 0; slot < batch.LastBatch; slot++)
        {
            var (path, image, det) = (paths[slot], images[slot]!, batch.Detections(slot));
            ctx.Report.Add(times, det.Count);
            WriteJsonFile(ctx.Outputs.Json(path), path, image, det, ctx);
            if (_options.SaveImages)
            {
                Annotate(image, det, ctx);
                ImageCodec.Write(ctx.Outputs.AnnotatedImage(path), image);
            }

            _stdout.WriteLine(FormattableString.Invariant($"{Path.GetFileName(path)}: {det.Count} poses, {times.Total.TotalMilliseconds:F1} ms"));
        }
    }

    private void RunVideo(string path, Context ctx, CancellationToken ct)
    {
        var batch = ctx.Predictor;
        using var capture = VideoFileReader.Open(path);
        var frames = new Mat?[batch.MaxBatch];
        using var jsonl = new FileStream(ctx.Outputs.JsonLines(path), FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(jsonl);
        var video = new VideoOutput(path, capture.Fps > 0 ? capture.Fps : 25, jsonl, json);
        try
        {
            long index = 0;
            while (!ct.IsCancellationRequested && (_options.MaxFrames is null || index < _options.MaxFrames))
            {
                var frame = frames[batch.Count] ??= new Mat();
                if (!capture.Read(frame))
                {
                    break;
                }

                batch.Add(frame.AsBgrImage());
                index++;
                if (batch.IsFull)
                {
                    WriteVideoBatch(frames, index - batch.Count, video, ctx);
                }
            }

            if (batch.Count > 0)
            {
                WriteVideoBatch(frames, index - batch.Count, video, ctx);
            }

            if (index == 0)
            {
                throw new InputException($"video '{path}' gave no frames");
            }
        }
        finally
        {
            video.Writer?.Dispose();
            foreach (var frame in frames)
            {
                frame?.Dispose();
            }
        }
    }

    private void WriteVideoBatch(Mat?[] frames, long firstIndex, VideoOutput video, Context ctx)
    {
        var batch = ctx.Predictor;
        batch.Run();
        var times = batch.LastTimes.PerImage(batch.LastBatch);
        for (int slot = 0; slot < batch.LastBatch; slot++)
        {
            var (frame, det) = (frames[slot]!, batch.Detections(slot));
            ctx.Report.Add(times, det.Count);
            PredictionJson.Write(video.Json, video.Path, frame.Cols, frame.Rows, det, ctx.Meta, ctx.Names, firstIndex + slot);
            video.Json.Flush();
            video.Lines.WriteByte((byte)'\n');
            video.Json.Reset();
            if (_options.SaveImages)
            {
                video.Writer ??= VideoFileWriter.Open(ctx.Outputs.AnnotatedVideo(video.Path), "MJPG", video.Fps, frame.Cols, frame.Rows);
                Annotate(frame, det, ctx);
                video.Writer.Write(frame);
            }
        }
    }

    /// <summary>A camera, RTSP stream, pipeline or test pattern, read through GStreamer until it ends, --max-frames or Ctrl+C.</summary>
    private void RunStream(PredictSource source, SourcePipeline pipeline, Context ctx, CancellationToken ct)
    {
        var options = new GstFrameSourceOptions { Warn = w => _log.Warning("{Warning}", w) };
        _log.Debug("Pipeline {Pipeline}", pipeline.Display);
        using var reader = GstFrameSource.Open(pipeline, source.Name, options);
        _log.Information("Source {Source}: {Format}", source.Name, reader.Format);
        using var frame = new Mat(reader.Format.Height, reader.Format.Width, MatType.CV_8UC3);
        using var jsonl = new FileStream(ctx.Outputs.JsonLines(source.Name), FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(jsonl);
        VideoFileWriter? writer = null;
        try
        {
            long index = 0;
            while (!ct.IsCancellationRequested && (_options.MaxFrames is null || index < _options.MaxFrames))
            {
                var status = reader.Read(frame.BgrPixels(), checked((int)frame.Step()), out _);
                if (status == FrameReadStatus.EndOfStream)
                {
                    break;
                }

                if (status != FrameReadStatus.Frame)
                {
                    throw new InputException(status == FrameReadStatus.TimedOut
                        ? FormattableString.Invariant($"source '{source.Name}' stalled: no frame within {options.ReadTimeout.TotalSeconds:0.#} s")
                        : $"source '{source.Name}' changed its frame size from {frame.Cols}x{frame.Rows} to {reader.Format.Width}x{reader.Format.Height}");
                }

                // A live source runs one frame at a time: waiting to fill a batch would only add latency.
                ctx.Predictor.Add(frame.AsBgrImage());
                ctx.Predictor.Run();
                var det = ctx.Predictor.Detections(0);
                ctx.Report.Add(ctx.Predictor.LastTimes, det.Count);
                PredictionJson.Write(json, source.Name, frame.Cols, frame.Rows, det, ctx.Meta, ctx.Names, index);
                json.Flush();
                jsonl.WriteByte((byte)'\n');
                json.Reset();
                if (_options.SaveImages)
                {
                    writer ??= VideoFileWriter.Open(ctx.Outputs.AnnotatedVideo(source.Name), "MJPG", source.Uri.Mode.Fps ?? 25, frame.Cols, frame.Rows);
                    Annotate(frame, det, ctx);
                    writer.Write(frame);
                }

                index++;
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private static string ReadText(string path, string what) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new InputException($"{what} not found: {path}");

    private static void Annotate(Mat image, PoseDetections det, Context ctx)
    {
        var style = PoseDrawStyle.ForImage(image.Cols, image.Rows);
        PredictionOverlay.Build(ctx.Overlay, det, ctx.Meta, ctx.Names, style);
        OverlayPainter.Paint(image, ctx.Overlay, style.FontScale);
    }

    private static void WriteJsonFile(string file, string image, Mat img, PoseDetections det, Context ctx)
    {
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        PredictionJson.Write(w, image, img.Cols, img.Rows, det, ctx.Meta, ctx.Names);
    }

    /// <summary>Where the frames of one video go: its JSON lines and, once the first frame gives the size, the annotated video.</summary>
    private sealed class VideoOutput(string path, double fps, FileStream lines, Utf8JsonWriter json)
    {
        public string Path { get; } = path;

        public double Fps { get; } = fps;

        public FileStream Lines { get; } = lines;

        public Utf8JsonWriter Json { get; } = json;

        public VideoFileWriter? Writer { get; set; }
    }

    private sealed record Context(BatchPosePredictor Predictor, KeypointMeta Meta, IReadOnlyDictionary<int, string> Names, PredictOutputs Outputs, PredictReport Report)
    {
        public List<DrawCommand> Overlay { get; } = [];
    }
}
