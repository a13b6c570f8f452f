using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Core.Tracking;

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
        _tracks = new TrackInfo[maxDetections];
    }

    /// <summary>Lost tracks handed to sinks per frame at most; more are left out (the longest lost last).</summary>
    public const int MaxLostTracks = 256;

    private readonly int[] _trackIds;
    private readonly TrackInfo[] _tracks;
    private readonly TrackInfo[] _lost = new TrackInfo[MaxLostTracks];
    private int _lostCount;

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

    /// <summary>Per detection, its track id or -1; empty when no tracker ran.</summary>
    public ReadOnlySpan<int> TrackIds => IsTracked ? _trackIds.AsSpan(0, Poses.Count) : default;

    /// <summary>Detection <paramref name="i"/>'s track (id, state, age in frames, score), or <see cref="TrackInfo.None"/>.</summary>
    public TrackInfo Track(int i) => IsTracked && i < Poses.Count ? _tracks[i] : TrackInfo.None;

    /// <summary>The source's tracks that are lost at this frame (not matched, still kept for the track buffer), with the frames since each was seen.</summary>
    public ReadOnlySpan<TrackInfo> LostTracks => IsTracked ? _lost.AsSpan(0, _lostCount) : default;

    /// <summary>The frame's pixels, kept while a sink needs them (<see cref="IPoseSink.NeedsPixels"/>); null otherwise.</summary>
    public Frame? Frame { get; private set; }

    /// <summary>
    /// Takes <paramref name="frame"/>'s identity and stamps, a copy of <paramref name="poses"/> and, when the source
    /// is tracked, a copy of <paramref name="tracker"/>'s ids and tracks for them, with one reference. With
    /// <paramref name="keepFrame"/> the result owns the frame until the last release; without, the caller returns the frame.
    /// </summary>
    public void Set(Frame frame, PipelineSource source, PoseDetections poses, bool keepFrame, ByteTracker? tracker = null)
    {
        IsTracked = tracker is not null;
        _lostCount = 0;
        if (tracker is not null)
        {
            tracker.TrackIds.CopyTo(_trackIds);
            for (int i = 0; i < poses.Count; i++)
            {
                _tracks[i] = tracker.Info(i);
            }

            foreach (var lost in tracker.LostTracks)
            {
                if (_lostCount == _lost.Length)
                {
                    break;
                }

                _lost[_lostCount++] = tracker.LostInfo(lost);
            }
        }

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
