namespace EdgePose.Core.Frames;

/// <summary>
/// A small fixed set of <see cref="PoseResult"/>s, each with room for the predictor's maximum detections. Rent and
/// return never allocate; when all are out, <see cref="FixedPool{T}.TryRent"/> says so.
/// </summary>
public sealed class PoseResultPool : FixedPool<PoseResult>
{
    public PoseResultPool(int size, int maxDetections, int keypointCount)
        : base(size, "pose result")
    {
        Fill(() => new PoseResult(this, maxDetections, keypointCount));
    }
}
