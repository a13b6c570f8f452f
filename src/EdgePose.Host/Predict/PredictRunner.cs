using System.Text.Json;
using EdgePose.Cli;
using EdgePose.Cli.Files;
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
/// Runs `edgepose predict`: every image of the source (or every frame of a video or stream) through one
/// <see cref="BatchPosePredictor"/>, as many images per run as the engine takes (--batch), writing JSON and
/// annotated images to the output folder. Each image's failure is that image's alone: it is reported and
/// skipped, and the run then ends with a non-zero exit. Every file is written under a temporary name and
/// renamed when complete. A cancelled run (SIGINT, SIGTERM) closes the video and the JSON Lines it has open,
/// keeps what was written, and ends with <see cref="OperationCanceledException"/> ("cancelled").
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
        var folder = RunFolder.Choose(_options.OutputDirectory, _options.ExistOk, source.LocalInputs);
        var outputs = PredictOutputs.Plan(source, folder, _options.ImageFormat, _options.SaveImages);
        using var engine = EngineFactory.Open(_options.Model, _options.Engine with { Warn = w => _log.Warning("{Warning}", w) });
        using var resizer = new OpenCvBgrResizer();
        var predictorOptions = new PredictorOptions
        {
            Decode = decode,
            ImageSize = _options.Engine.ImageSize,
            MaxBatch = _options.Engine.Batch,
            KeypointShape = _options.KeypointShape,
        };
        using var predictor = new BatchPosePredictor(engine, resizer, predictorOptions, _options.Model);
        var meta = ModelKeypointMeta.Resolve(
            predictor.Layout.KeypointCount,
            predictor.Layout.KeypointDims,
            engine.Metadata,
            _options.MetaFile is { } m ? ReadText(m, "meta file") : null,
            _options.MetaFile ?? "meta");
        _log.Information("Model {Model}: {Engine}; input {Width}x{Height}, {Batch} per run; {Layout}", _options.Model, engine.Description, predictor.Input.Width, predictor.Input.Height, predictor.MaxBatch, predictor.Layout);
        Directory.CreateDirectory(folder);
        _log.Information("Writing to {Folder}", folder);
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

        _stdout.WriteLine(ctx.Report.Summary() + "; wrote " + folder);
        ct.ThrowIfCancellationRequested();
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
                if (ct.IsCancellationRequested)
                {
                    break;
                }

                int slot = batch.Count;
                try
                {
                    var image = ImageCodec.Read(InputFile.Require(path, "image"));
                    images[slot]?.Dispose();
                    images[slot] = image;
                    batch.Add(image.AsBgrImage());
                    paths[slot] = path;
                }
                catch (Exception e) when (source.Kind == SourceKind.ImageFolder && e is not OperationCanceledException)
                {
                    Skip(path, e, ctx);
                    continue;
                }

                if (batch.IsFull)
                {
                    WriteImageBatch(images, paths, ctx, source.Kind);
                }
            }

            // Images already added are finished, also after a cancel: what was read is predicted and written.
            if (batch.Count > 0)
            {
                WriteImageBatch(images, paths, ctx, source.Kind);
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

    private void WriteImageBatch(Mat?[] images, string[] paths, Context ctx, SourceKind kind)
    {
        var batch = ctx.Predictor;
        batch.Run();
        var times = batch.LastTimes.PerImage(batch.LastBatch);
        for (int slot = 0; slot < batch.LastBatch; slot++)
        {
            var (path, image, det) = (paths[slot], images[slot]!, batch.Detections(slot));
            try
            {
                WriteJsonFile(ctx.Outputs.Json(path), path, image, det, ctx);
                if (_options.SaveImages)
                {
                    Annotate(image, det, ctx);
                    AtomicFile.Write(ctx.Outputs.AnnotatedImage(path), temp => ImageCodec.Write(temp, image));
                }

                ctx.Report.Add(times, det.Count);
                _stdout.WriteLine(FormattableString.Invariant($"{Path.GetFileName(path)}: {det.Count} poses, {times.Total.TotalMilliseconds:F1} ms"));
            }
            catch (Exception e) when (kind == SourceKind.ImageFolder && e is not OperationCanceledException)
            {
                Skip(path, e, ctx);
            }
        }
    }

    /// <summary>One image's failure is that image's alone: report it, go on with the next.</summary>
    private void Skip(string path, Exception e, Context ctx)
    {
        var reason = CommandErrors.MessageOf(e);
        _log.Warning("Skipped {Image}: {Reason}", path, reason);
        ctx.Report.Fail(e is InputException ? reason : $"{path}: {reason}");
    }

    private void RunVideo(string path, Context ctx, CancellationToken ct)
    {
        var batch = ctx.Predictor;
        using var capture = VideoFileReader.Open(path);
        var frames = new Mat?[batch.MaxBatch];
        using var jsonlFile = PendingFile.For(ctx.Outputs.JsonLines(path));
        using var videoFile = PendingFile.For(ctx.Outputs.AnnotatedVideo(path));
        long index = 0;
        VideoOutput? video = null;
        using (var jsonl = jsonlFile.OpenStream())
        using (var json = new Utf8JsonWriter(jsonl))
        {
            video = new VideoOutput(path, videoFile.TempPath, capture.Fps > 0 ? capture.Fps : 25, jsonl, json) { Tracker = NewTracker(capture.Fps) };
            try
            {
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

                // Frames already read are finished, also after a cancel.
                if (batch.Count > 0)
                {
                    WriteVideoBatch(frames, index - batch.Count, video, ctx);
                }
            }
            finally
            {
                // Close the video (its index is written on close) and the JSON Lines, also when cancelled.
                video.Writer?.Dispose();
                foreach (var frame in frames)
                {
                    frame?.Dispose();
                }
            }
        }

        if (index == 0 && !ct.IsCancellationRequested)
        {
            throw new InputException($"video '{path}' gave no frames");
        }

        // Complete files, also after a cancel: what was processed is kept under the real names.
        jsonlFile.Commit();
        if (video.Writer is not null)
        {
            videoFile.Commit();
        }
    }

    private void WriteVideoBatch(Mat?[] frames, long firstIndex, VideoOutput video, Context ctx)
    {
        var batch = ctx.Predictor;
        batch.Run();
        var times = batch.LastTimes.PerImage(batch.LastBatch);
        for (int slot = 0; slot < batch.LastBatch; slot++)
        {
            WriteFrame(frames[slot]!, batch.Detections(slot), firstIndex + slot, times, video, ctx);
        }
    }

    private Core.Tracking.ByteTracker? NewTracker(double fps) =>
        _options.Track ? new Core.Tracking.ByteTracker(new Core.Tracking.TrackerOptions(), fps > 0 ? fps : 30) : null;

    /// <summary>One frame's JSON line and, with images on, its annotated video frame.</summary>
    private void WriteFrame(Mat frame, PoseDetections det, long index, StageTimes times, VideoOutput video, Context ctx)
    {
        ctx.Report.Add(times, det.Count);
        video.Tracker?.Update(det);
        PredictionJson.Write(video.Json, video.Name, frame.Cols, frame.Rows, det, ctx.Meta, ctx.Names, index, video.Tracker is { } t ? t.TrackIds : default);
        video.Json.Flush();
        video.Lines.WriteByte((byte)'\n');
        video.Json.Reset();
        if (_options.SaveImages)
        {
            video.Writer ??= VideoFileWriter.Open(video.TempPath, "MJPG", video.Fps, frame.Cols, frame.Rows);
            Annotate(frame, det, ctx, video.Tracker is { } tracker ? tracker.TrackIds : default);
            video.Writer.Write(frame);
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
        using var jsonlFile = PendingFile.For(ctx.Outputs.JsonLines(source.Name));
        using var videoFile = PendingFile.For(ctx.Outputs.AnnotatedVideo(source.Name));
        VideoOutput? video = null;
        try
        {
            using (var jsonl = jsonlFile.OpenStream())
            using (var json = new Utf8JsonWriter(jsonl))
            {
                video = new VideoOutput(source.Name, videoFile.TempPath, source.Uri.Mode.Fps ?? 25, jsonl, json) { Tracker = NewTracker(source.Uri.Mode.Fps ?? 30) };
                try
                {
                    long index = 0;
                    while (!ct.IsCancellationRequested && (_options.MaxFrames is null || index < _options.MaxFrames))
                    {
                        var status = reader.Read(frame.BgrPixels(), checked((int)frame.Step()), out _, ct);
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
                        WriteFrame(frame, ctx.Predictor.Detections(0), index, ctx.Predictor.LastTimes, video, ctx);
                        index++;
                    }
                }
                finally
                {
                    video.Writer?.Dispose();
                }
            }
        }
        finally
        {
            // What arrived before the stream ended, stalled or was cancelled is kept under the real names.
            if (video is not null)
            {
                jsonlFile.Commit();
                if (video.Writer is not null)
                {
                    videoFile.Commit();
                }
            }
        }
    }

    private static string ReadText(string path, string what) => File.ReadAllText(InputFile.Require(path, what));

    private static void Annotate(Mat image, PoseDetections det, Context ctx, ReadOnlySpan<int> trackIds = default)
    {
        var style = PoseDrawStyle.ForImage(image.Cols, image.Rows);
        PredictionOverlay.Build(ctx.Overlay, det, ctx.Meta, ctx.Names, style, trackIds: trackIds);
        OverlayPainter.Paint(image, ctx.Overlay, style.FontScale);
    }

    private static void WriteJsonFile(string file, string image, Mat img, PoseDetections det, Context ctx)
    {
        AtomicFile.WriteStream(file, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            PredictionJson.Write(w, image, img.Cols, img.Rows, det, ctx.Meta, ctx.Names);
        });
    }

    /// <summary>Where the frames of one video or stream go: its JSON lines and, once the first frame gives the size, the annotated video (written under its temporary name).</summary>
    private sealed class VideoOutput(string name, string tempPath, double fps, FileStream lines, Utf8JsonWriter json)
    {
        public string Name { get; } = name;

        public string TempPath { get; } = tempPath;

        public double Fps { get; } = fps;

        public FileStream Lines { get; } = lines;

        public Utf8JsonWriter Json { get; } = json;

        public VideoFileWriter? Writer { get; set; }

        /// <summary>The video's tracker with --track (one per video or stream).</summary>
        public Core.Tracking.ByteTracker? Tracker { get; init; }
    }

    private sealed record Context(BatchPosePredictor Predictor, KeypointMeta Meta, IReadOnlyDictionary<int, string> Names, PredictOutputs Outputs, PredictReport Report)
    {
        public List<DrawCommand> Overlay { get; } = [];
    }
}
