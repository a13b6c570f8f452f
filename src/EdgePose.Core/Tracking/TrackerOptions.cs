namespace EdgePose.Core.Tracking;

/// <summary>
/// ByteTrack settings, named and defaulted as in Ultralytics' cfg/trackers/bytetrack.yaml (8.3.166).
/// </summary>
public sealed record TrackerOptions
{
    /// <summary>The only tracker type EdgePose has.</summary>
    public const string ByteTrack = "bytetrack";

    /// <summary>tracker_type: must be "bytetrack".</summary>
    public string TrackerType { get; init; } = ByteTrack;

    /// <summary>track_high_thresh: detections scoring at least this take part in the first association.</summary>
    public double TrackHighThresh { get; init; } = 0.25;

    /// <summary>track_low_thresh: detections scoring above this (and below the high threshold) take part in the second association.</summary>
    public double TrackLowThresh { get; init; } = 0.1;

    /// <summary>new_track_thresh: an unmatched high-score detection starts a track when it scores at least this.</summary>
    public double NewTrackThresh { get; init; } = 0.25;

    /// <summary>track_buffer: frames a lost track is kept at 30 fps (scaled by the frame rate).</summary>
    public int TrackBuffer { get; init; } = 30;

    /// <summary>match_thresh: the largest (1 - IoU) cost of a first-association match.</summary>
    public double MatchThresh { get; init; } = 0.8;

    /// <summary>fuse_score: multiply IoU by the detection score before matching.</summary>
    public bool FuseScore { get; init; } = true;

    /// <summary>Frames a lost track is kept at <paramref name="frameRate"/>: int(frame_rate / 30 * track_buffer), as Ultralytics.</summary>
    public int MaxTimeLost(double frameRate) => (int)(frameRate / 30.0 * TrackBuffer);

    /// <summary>The first setting out of range, as (yaml key, problem), or null when all are valid.</summary>
    public (string Key, string Problem)? FirstInvalid()
    {
        if (TrackerType != ByteTrack)
        {
            return ("tracker_type", $"must be '{ByteTrack}' (got '{TrackerType}')");
        }

        if (!IsUnit(TrackHighThresh))
        {
            return ("track_high_thresh", "must be between 0 and 1");
        }

        if (!IsUnit(TrackLowThresh))
        {
            return ("track_low_thresh", "must be between 0 and 1");
        }

        if (TrackLowThresh > TrackHighThresh)
        {
            return ("track_low_thresh", "must not exceed track_high_thresh");
        }

        if (!IsUnit(NewTrackThresh))
        {
            return ("new_track_thresh", "must be between 0 and 1");
        }

        if (TrackBuffer < 0)
        {
            return ("track_buffer", "must be 0 or more frames");
        }

        if (!IsUnit(MatchThresh))
        {
            return ("match_thresh", "must be between 0 and 1");
        }

        return null;
    }

    private static bool IsUnit(double v) => v is >= 0 and <= 1;
}
