using System.Diagnostics;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Inference;

/// <summary>
/// Test-time augmentation by horizontal flip (MMPose's flip_test) around a <see cref="PosePredictor"/>: the
/// image and its mirror each go through the model, and <see cref="FlipTestMerger"/> averages the detections
/// both passes agree on. Costs a second inference per image. Buffers are reused; not thread-safe.
/// </summary>
public sealed class FlipTestPredictor : IPosePredictor
{
    private readonly PosePredictor _predictor;
    private readonly FlipTestMerger _merger;
    private readonly PoseDetections _original;
    private readonly PoseDetections _merged;
    private byte[] _mirror = [];

    public FlipTestPredictor(PosePredictor predictor, IReadOnlyList<int> flipIndex, FlipTestOptions? options = null)
    {
        _predictor = predictor;
        if (flipIndex.Count != predictor.Layout.KeypointCount)
        {
            throw new Errors.InputException($"flip_idx has {flipIndex.Count} entries, the model has {predictor.Layout.KeypointCount} keypoints");
        }

        _merger = new FlipTestMerger(flipIndex, options);
        int capacity = predictor.Options.Decode.MaxDetections;
        _original = new PoseDetections(capacity, predictor.Layout.KeypointCount);
        _merged = new PoseDetections(capacity, predictor.Layout.KeypointCount);
    }

    /// <summary>Time of the last call: both passes, with the mirroring counted as preprocessing and the merge as postprocessing.</summary>
    public StageTimes LastTimes { get; private set; }

    /// <summary>Detects poses in <paramref name="image"/> with the flip test; the result is reused by the next call.</summary>
    public PoseDetections Predict(BgrImage image)
    {
        _original.CopyFrom(_predictor.Predict(image));
        var first = _predictor.LastTimes;

        long t0 = Stopwatch.GetTimestamp();
        int bytes = image.Width * image.Height * 3;
        if (_mirror.Length < bytes)
        {
            _mirror = new byte[bytes];
        }

        BgrMirror.Horizontal(image, _mirror);
        var mirrorTime = Stopwatch.GetElapsedTime(t0);

        // The predictor's result stays valid until its next call, so the mirrored pass is merged from it directly.
        var mirrored = _predictor.Predict(new BgrImage(_mirror.AsSpan(0, bytes), image.Width, image.Height, image.Width * 3));
        var second = _predictor.LastTimes;

        long t1 = Stopwatch.GetTimestamp();
        _merger.Merge(_original, mirrored, image.Width, _merged);
        var mergeTime = Stopwatch.GetElapsedTime(t1);
        LastTimes = new StageTimes(
            first.Preprocess + second.Preprocess + mirrorTime,
            first.Inference + second.Inference,
            first.Postprocess + second.Postprocess + mergeTime);
        return _merged;
    }
}
