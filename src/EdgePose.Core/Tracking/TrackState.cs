namespace EdgePose.Core.Tracking;

/// <summary>Where a track is in its life, with Ultralytics' TrackState values.</summary>
public enum TrackState
{
    /// <summary>Created from a detection, not yet activated.</summary>
    New = 0,

    /// <summary>Matched to a detection in the latest frame.</summary>
    Tracked = 1,

    /// <summary>Not matched lately; kept for up to the track buffer, then removed.</summary>
    Lost = 2,

    /// <summary>Gone for good; its id is never given out again.</summary>
    Removed = 3,
}
