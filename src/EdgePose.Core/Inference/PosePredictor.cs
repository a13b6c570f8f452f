using System.Diagnostics;
using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Inference;

/// <summary>
/// Image in, poses out, on any <see cref="IInferenceEngine"/>: letterbox (resize via
/// <see cref="IBgrResizer"/>, pad and normalise into the engine's input buffer), run, decode, NMS, map
/// back to image pixels. Every buffer is allocated once; <see cref="Predict"/> returns the same
/// <see cref="PoseDetections"/> each call, valid until the next call. Not thread-safe.
/// </summary>
public sealed class PosePredictor : IPosePredictor
{
    private readonly IInferenceEngine _engine;
    private readonly IBgrResizer _resizer;
    private readonly IPoseDecoder _decoder;
    private readonly PoseDetections _detections;
    private readonly byte[] _resized;
    private Letterbox? _padded;

    public PosePredictor(IInferenceEngine engine, IBgrResizer resizer, PredictorOptions options, string source = "model")
    {
        _engine = engine;
        _resizer = resizer;
        Options = options with { Decode = options.Decode.Validated() };
        Input = ModelInput.From(engine, options.ImageSize, source);
        if (engine.Outputs.Count == 0)
        {
            throw new Errors.InputException($"{source}: the model has no outputs");
        }

        Layout = OutputLayoutResolver.Resolve(engine.Outputs[0], engine.Metadata, options.KeypointShape, source);
        _decoder = PoseDecoders.Create(Layout);
        _detections = new PoseDetections(Options.Decode.MaxDetections, Layout.KeypointCount);
        _resized = new byte[Input.Width * Input.Height * 3];
    }

    public PredictorOptions Options { get; }

    public ModelInput Input { get; }

    public OutputLayout Layout { get; }

    /// <summary>Time spent in the last call, by stage.</summary>
    public StageTimes LastTimes { get; private set; }

    /// <summary>Detects poses in <paramref name="image"/>; coordinates in the image's pixels.</summary>
    public PoseDetections Predict(BgrImage image)
    {
        long t0 = Stopwatch.GetTimestamp();
        var box = Preprocess(image);
        long t1 = Stopwatch.GetTimestamp();
        _engine.Run();
        long t2 = Stopwatch.GetTimestamp();
        var output = _engine.GetOutput(0, out _);
        _decoder.Decode(output, 0, Options.Decode, _detections);
        box.Unmap(_detections);
        long t3 = Stopwatch.GetTimestamp();
        LastTimes = new StageTimes(Stopwatch.GetElapsedTime(t0, t1), Stopwatch.GetElapsedTime(t1, t2), Stopwatch.GetElapsedTime(t2, t3));
        return _detections;
    }

    /// <summary>Letterboxes <paramref name="image"/> into the engine's input buffer (batch slot 0).</summary>
    public Letterbox Preprocess(BgrImage image)
    {
        var box = Letterbox.Compute(image.Width, image.Height, Input.Width, Input.Height);
        var tensor = _engine.GetInput(0);

        // Frames of one size share their padding: only this predictor writes the input buffer, so the
        // padding written for the previous frame is still there.
        bool fillPadding = _padded != box;
        if (box.NeedsResize)
        {
            int stride = box.ResizedWidth * 3;
            var dst = _resized.AsSpan(0, stride * box.ResizedHeight);
            _resizer.Resize(image, dst, box.ResizedWidth, box.ResizedHeight, stride);
            LetterboxTensorWriter.Write(box, dst, stride, tensor, fillPadding);
        }
        else
        {
            LetterboxTensorWriter.Write(box, image.Pixels, image.Stride, tensor, fillPadding);
        }

        _padded = box;
        return box;
    }
}
