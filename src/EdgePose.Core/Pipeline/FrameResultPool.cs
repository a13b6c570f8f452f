using EdgePose.Core.Frames;

namespace EdgePose.Core.Pipeline;

/// <summary>The pipeline's fixed set of <see cref="FrameResult"/>s, each with room for the maximum detections.</summary>
public sealed class FrameResultPool : FixedPool<FrameResult>
{
    public FrameResultPool(int size, int maxDetections, int keypointCount)
        : base(size, "frame result")
    {
        Fill(() => new FrameResult(this, maxDetections, keypointCount));
    }
}
