using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Inference;

/// <summary>
/// Image in, poses out: the single-image adapter over <see cref="BatchPosePredictor"/> (a batch of one, a partial
/// batch where the engine's is larger). <see cref="Predict"/> returns the same <see cref="PoseDetections"/> each
/// call, valid until the next call. Allocates nothing per frame; not thread-safe.
/// </summary>
public sealed class PosePredictor : IPosePredictor, IDisposable
{
    private readonly BatchPosePredictor _batch;

    public PosePredictor(IInferenceEngine engine, IBgrResizer resizer, PredictorOptions options, string source = "model")
    {
        _batch = new BatchPosePredictor(engine, resizer, options with { MaxBatch = 1 }, source);
        Engine = engine;
    }

    public IInferenceEngine Engine { get; }

    public PredictorOptions Options => _batch.Options;

    public ModelInput Input => _batch.Input;

    public OutputLayout Layout => _batch.Layout;

    /// <summary>The buffer set the image is letterboxed into (slot 0) and run from.</summary>
    public EngineBufferSet Buffers => _batch.Buffers;

    /// <summary>Time spent in the last call, by stage.</summary>
    public StageTimes LastTimes => _batch.LastTimes;

    /// <summary>Detects poses in <paramref name="image"/>; coordinates in the image's pixels.</summary>
    public PoseDetections Predict(BgrImage image)
    {
        _batch.Clear();
        _batch.Add(image);
        _batch.Run();
        return _batch.Detections(0);
    }

    /// <summary>Letterboxes <paramref name="image"/> into slot 0 of <see cref="Buffers"/> without running (tests, benchmarks).</summary>
    public Letterbox Preprocess(BgrImage image)
    {
        _batch.Clear();
        _batch.Add(image);
        var box = _batch.Letterbox(0);
        _batch.Clear();
        return box;
    }

    public void Dispose() => _batch.Dispose();
}
