using EdgePose.Core.Frames;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// What the pipeline hands its sinks for each frame: which source and frame it was (sequence, capture time,
/// size, stage stamps), its poses in the frame's pixels, and the frame itself while a sink that draws needs it.
/// Shared by every sink: the pipeline holds one reference per sink and the last <see cref="Release"/> returns
/// the frame and the result to their pools. A sink reads it only while its write call runs.
/// </summary>
public sealed class FrameResult
{
    private readonly FrameResultPool? _pool;
    private int _references;
    private PipelineSource? _source;

    internal FrameResult(FrameResultPool? pool, int maxDetections, int keypointCount)
    {
        _pool = pool;
        Poses = new PoseDetections(maxDetections, keypointCount);
        _trackIds = new int[maxDetections];
    }

    private readonly int[] _trackIds;

    /// <summary>The source the frame came from.</summary>
    public PipelineSource Source => _source ?? throw new InvalidOperationException("the result holds no frame");

    /// <summary>Frame number within its source, from 0.</summary>
    public long Sequence { get; private set; }

    /// <summary>When the frame was captured (UTC).</summary>
    public DateTimeOffset CaptureTime { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>When the frame left each stage.</summary>
    public StageStamps Stamps { get; } = new();

    /// <summary>The poses, in the frame's pixels.</summary>
    public PoseDetections Poses { get; }

    /// <summary>True when a tracker ran on the source: <see cref="TrackId"/> then gives ids stable across frames.</summary>
    public bool IsTracked { get; private set; }

    /// <summary>Detection <paramref name="i"/>'s track id (stable across the source's frames), or -1 when it has none (yet).</summary>
    public int TrackId(int i) => IsTracked && i < Poses.Count ? _trackIds[i] : -1;

    /// <summary>The frame's pixels, kept while a sink needs them (<see cref="IPoseSink.NeedsPixels"/>); null otherwise.</summary>
    public Frame? Frame { get; private set; }

    /// <summary>
    /// Takes <paramref name="frame"/>'s identity and stamps and a copy of <paramref name="poses"/>, with one
    /// reference. With <paramref name="keepFrame"/> the result owns the frame until the last release; without,
    /// the caller returns the frame.
    /// </summary>
    public void Set(Frame frame, PipelineSource source, PoseDetections poses, bool keepFrame, bool tracked = false, ReadOnlySpan<int> trackIds = default)
    {
        IsTracked = tracked;
        trackIds.CopyTo(_trackIds);
        _source = source;
        Sequence = frame.Sequence;
        CaptureTime = frame.CaptureTime;
        Width = frame.Width;
        Height = frame.Height;
        Stamps.CopyFrom(frame.Stamps);
        Poses.CopyFrom(poses);
        Frame = keepFrame ? frame : null;
        _references = 1;
    }

    /// <summary>Adds <paramref name="count"/> references (one per sink the result goes to).</summary>
    public void Retain(int count)
    {
        if (Interlocked.Add(ref _references, count) <= count)
        {
            throw new InvalidOperationException("retain of a released frame result");
        }
    }

    /// <summary>Drops one reference; the last returns the frame and the result to their pools.</summary>
    public void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left > 0)
        {
            return;
        }

        if (left < 0)
        {
            throw new InvalidOperationException("frame result released twice");
        }

        var frame = Frame;
        Frame = null;
        _source = null;
        frame?.Return();
        _pool?.Return(this);
    }
}
