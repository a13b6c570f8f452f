namespace EdgePose.Core.Tracking;

/// <summary>
/// One person followed over frames (Ultralytics' STrack): its id, state, Kalman state and the detection
/// it was last matched to. Owned and reused by <see cref="ByteTracker"/>; read it, do not keep it past
/// the next update.
/// </summary>
public sealed class Track
{
    private readonly double[] _mean = new double[KalmanFilterXyah.StateSize];
    private readonly double[] _covariance = new double[KalmanFilterXyah.CovarianceSize];

    /// <summary>The id, unique within its tracker, counting from 1.</summary>
    public int Id { get; private set; }

    public TrackState State { get; internal set; }

    /// <summary>Confirmed: matched on two frames (or started on the first frame). Only activated tracks label detections.</summary>
    public bool IsActivated { get; private set; }

    /// <summary>The score of the detection last matched.</summary>
    public float Score { get; private set; }

    /// <summary>The frame (1-based, counted by the tracker) the track started on.</summary>
    public int StartFrame { get; private set; }

    /// <summary>The frame the track was last matched on.</summary>
    public int LastFrame { get; private set; }

    /// <summary>Index of the detection matched in the latest frame, or -1 when not matched in it.</summary>
    public int DetectionIndex { get; internal set; } = -1;

    /// <summary>Frames from its first to its last match, both counted (1 on the frame it starts).</summary>
    public int Age => LastFrame - StartFrame + 1;

    /// <summary>A copy of the id, state, age and score.</summary>
    public TrackInfo Info => new(Id, State, Age, Score);

    /// <summary>The Kalman mean (x, y, aspect, height and their velocities).</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>The box the Kalman state describes now, as x1, y1, x2, y2.</summary>
    public void GetBox(Span<float> xyxy) => KalmanFilterXyah.ToXyxy(_mean, xyxy);

    /// <summary>Starts the track at a detection with a new id; activated at once only on the tracker's first frame.</summary>
    internal void Activate(ReadOnlySpan<float> xyxy, float score, int detection, int id, int frame)
    {
        Span<double> z = stackalloc double[4];
        KalmanFilterXyah.FromXyxy(xyxy, z);
        KalmanFilterXyah.Initiate(z, _mean, _covariance);
        Id = id;
        State = TrackState.Tracked;
        IsActivated = frame == 1;
        Score = score;
        StartFrame = frame;
        LastFrame = frame;
        DetectionIndex = detection;
    }

    /// <summary>Predicts one frame ahead; a track not tracked now stops growing in height.</summary>
    internal void Predict()
    {
        if (State != TrackState.Tracked)
        {
            _mean[7] = 0;
        }

        KalmanFilterXyah.Predict(_mean, _covariance);
    }

    /// <summary>Corrects the track with a matched detection; it is tracked and activated afterwards.</summary>
    internal void Update(ReadOnlySpan<float> xyxy, float score, int detection, int frame)
    {
        Span<double> z = stackalloc double[4];
        KalmanFilterXyah.FromXyxy(xyxy, z);
        KalmanFilterXyah.Update(_mean, _covariance, z);
        State = TrackState.Tracked;
        IsActivated = true;
        Score = score;
        LastFrame = frame;
        DetectionIndex = detection;
    }
}
