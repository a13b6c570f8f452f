using System.Diagnostics;
using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Inference;

/// <summary>
/// Images in, poses out, a batch at a time, on any <see cref="IInferenceEngine"/>: <see cref="Add"/> letterboxes an
/// image into the next slot of the predictor's buffer set, <see cref="Run"/> runs the slots filled so far (a
/// partial batch where the engine's batch is dynamic), decodes each, applies NMS and maps back to image pixels.
/// Every buffer is allocated once; the detections of slot i stay valid until the next <see cref="Run"/>. Not thread-safe.
/// </summary>
public sealed class BatchPosePredictor : IDisposable
{
    private readonly IInferenceEngine _engine;
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly IPoseDecoder _decoder;
    private readonly PoseDetections[] _detections;
    private readonly Letterbox[] _boxes;
    private long _preprocessTicks;

    public BatchPosePredictor(IInferenceEngine engine, IBgrResizer resizer, PredictorOptions options, string source = "model")
    {
        _engine = engine;
        Options = options with { Decode = options.Decode.Validated() };
        Input = ModelInput.From(engine, options.ImageSize, source);
        if (engine.Outputs.Count == 0)
        {
            throw new InputException($"{source}: the model has no outputs");
        }

        Layout = OutputLayoutResolver.Resolve(engine.Outputs[0], engine.Metadata, options.KeypointShape, source);
        _decoder = PoseDecoders.Create(Layout);
        MaxBatch = Math.Min(Input.MaxBatch, options.MaxBatch ?? Input.MaxBatch);
        _detections = [.. Enumerable.Range(0, MaxBatch).Select(_ => new PoseDetections(Options.Decode.MaxDetections, Layout.KeypointCount))];
        _boxes = new Letterbox[MaxBatch];
        _preprocessor = new LetterboxPreprocessor(resizer, Input.Width, Input.Height);
        Buffers = engine.CreateBufferSet();
    }

    public PredictorOptions Options { get; }

    public ModelInput Input { get; }

    public OutputLayout Layout { get; }

    /// <summary>The most images one <see cref="Run"/> takes: the engine's, or less where <see cref="PredictorOptions.MaxBatch"/> says.</summary>
    public int MaxBatch { get; }

    /// <summary>Images added since the last <see cref="Run"/> or <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The buffer set this predictor writes and runs (tests, diagnostics).</summary>
    public EngineBufferSet Buffers { get; }

    /// <summary>The stage that letterboxes images into <see cref="Buffers"/>.</summary>
    public LetterboxPreprocessor Preprocessor => _preprocessor;

    /// <summary>Time of the last <see cref="Run"/> by stage, for its whole batch (preprocessing of the images added counted).</summary>
    public StageTimes LastTimes { get; private set; }

    /// <summary>Images in the last run.</summary>
    public int LastBatch { get; private set; }

    /// <summary>True when no slot is free.</summary>
    public bool IsFull => Count == MaxBatch;

    /// <summary>Letterboxes <paramref name="image"/> into the next free slot; returns that slot.</summary>
    public int Add(BgrImage image)
    {
        if (IsFull)
        {
            throw new InvalidOperationException($"the batch is full ({MaxBatch} images); run it first");
        }

        long t0 = Stopwatch.GetTimestamp();
        int slot = Count;
        _boxes[slot] = _preprocessor.Write(image, Buffers, slot);
        Count++;
        _preprocessTicks += Stopwatch.GetTimestamp() - t0;
        return slot;
    }

    /// <summary>The letterbox of the image in <paramref name="slot"/>.</summary>
    public Letterbox Letterbox(int slot) => _boxes[slot];

    /// <summary>Runs the images added, decodes them; then <see cref="Detections"/> holds slot by slot.</summary>
    /// <exception cref="TimeoutException">The engine did not finish within <see cref="PredictorOptions.RunTimeout"/>.</exception>
    public void Run()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no image was added to the batch");
        }

        long t1 = Stopwatch.GetTimestamp();
        var completion = _engine.Enqueue(Buffers, Count);
        if (!completion.Wait(Options.RunTimeout))
        {
            throw new TimeoutException($"inference did not finish within {Options.RunTimeout.TotalSeconds:0.#} s");
        }

        long t2 = Stopwatch.GetTimestamp();
        var output = Buffers.Output(0, out _);
        for (int slot = 0; slot < Count; slot++)
        {
            _decoder.Decode(output, slot, Options.Decode, _detections[slot]);
            _boxes[slot].Unmap(_detections[slot]);
        }

        long t3 = Stopwatch.GetTimestamp();
        LastTimes = new StageTimes(Stopwatch.GetElapsedTime(0, _preprocessTicks), Stopwatch.GetElapsedTime(t1, t2), Stopwatch.GetElapsedTime(t2, t3));
        LastBatch = Count;
        Count = 0;
        _preprocessTicks = 0;
    }

    /// <summary>The poses of slot <paramref name="slot"/> of the last run, in that image's pixels.</summary>
    public PoseDetections Detections(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, LastBatch);
        return _detections[slot];
    }

    /// <summary>Drops the images added since the last run.</summary>
    public void Clear()
    {
        Count = 0;
        _preprocessTicks = 0;
    }

    public void Dispose() => Buffers.Dispose();
}
