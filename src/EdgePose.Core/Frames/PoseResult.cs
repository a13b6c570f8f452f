using EdgePose.Core.Poses;

namespace EdgePose.Core.Frames;

/// <summary>
/// The poses found in one frame, with the frame's identity (source, sequence, capture time, size) so a consumer
/// can match them after the frame itself went back to its pool. Rented from a <see cref="PoseResultPool"/>.
/// </summary>
public sealed class PoseResult
{
    private readonly PoseResultPool? _pool;

    internal PoseResult(PoseResultPool? pool, int maxDetections, int keypointCount)
    {
        _pool = pool;
        Poses = new PoseDetections(maxDetections, keypointCount);
    }

    public int SourceId { get; private set; }

    public long Sequence { get; private set; }

    public DateTimeOffset CaptureTime { get; private set; }

    public int FrameWidth { get; private set; }

    public int FrameHeight { get; private set; }

    /// <summary>The detections, in the frame's pixels.</summary>
    public PoseDetections Poses { get; }

    /// <summary>Takes <paramref name="frame"/>'s identity and a copy of <paramref name="poses"/>; allocates nothing.</summary>
    public void Set(Frame frame, PoseDetections poses)
    {
        SourceId = frame.SourceId;
        Sequence = frame.Sequence;
        CaptureTime = frame.CaptureTime;
        FrameWidth = frame.Width;
        FrameHeight = frame.Height;
        Poses.CopyFrom(poses);
    }

    /// <summary>Gives the result back to its pool.</summary>
    public void Return() => _pool?.Return(this);
}
