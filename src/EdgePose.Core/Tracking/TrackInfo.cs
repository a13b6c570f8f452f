namespace EdgePose.Core.Tracking;

/// <summary>
/// A copy of what sinks need of a track (id, state, age in frames, last score, frames since it was last seen),
/// safe to keep and to pass to another thread, unlike the pooled <see cref="Track"/> itself. <see cref="None"/>
/// (id -1) for an untracked detection.
/// </summary>
public readonly record struct TrackInfo(int Id, TrackState State, int Age, float Score, int FramesLost = 0)
{
    public static TrackInfo None => new(-1, TrackState.New, 0, 0f);

    public bool IsTracked => Id >= 0;
}
