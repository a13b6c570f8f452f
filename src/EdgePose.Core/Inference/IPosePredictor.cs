using EdgePose.Core.Poses;

namespace EdgePose.Core.Inference;

/// <summary>Image in, poses out: the plain <see cref="PosePredictor"/> or one with test-time augmentation (<see cref="FlipTestPredictor"/>).</summary>
public interface IPosePredictor
{
    /// <summary>Time spent in the last call, by stage.</summary>
    StageTimes LastTimes { get; }

    /// <summary>Detects poses in <paramref name="image"/>, in its pixels; the result is reused by the next call.</summary>
    PoseDetections Predict(BgrImage image);
}
