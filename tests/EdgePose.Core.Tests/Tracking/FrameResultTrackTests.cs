using EdgePose.Core.Tests.Events;
using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Tracking;

/// <summary>What sinks learn of tracks through a frame result: each detection's track, and the source's lost tracks.</summary>
public sealed class FrameResultTrackTests
{
    [Fact]
    public void Sinks_see_each_detections_age_and_state_and_the_tracks_lost_with_frames_since_seen()
    {
        var frames = new EventFrames();
        var scene = new Scene();
        var source = EventFrames.Source(0, "door");
        for (int i = 0; i < 6; i++)
        {
            scene.Step(Scene.Person(100), Scene.Person(400));
        }

        scene.Step(Scene.Person(100)); // the second person steps out of view
        scene.Step(Scene.Person(100));
        var poses = new Poses.PoseDetections(4, EventFrames.KeypointCount);
        poses.Add(70, 220, 130, 380, 0.9f, 0, 0);
        scene.Tracker.Update(poses);
        var result = frames.Make(source, 8, EventFrames.T0, poses, tracker: scene.Tracker);
        try
        {
            Assert.True(result.IsTracked);
            var kept = result.Track(0);
            Assert.Equal(TrackState.Tracked, kept.State);
            Assert.Equal(9, kept.Age);
            Assert.Equal(0, kept.FramesLost);
            Assert.Equal(kept.Id, result.TrackIds[0]);
            var lost = Assert.Single(result.LostTracks.ToArray());
            Assert.Equal(TrackState.Lost, lost.State);
            Assert.NotEqual(kept.Id, lost.Id);
            Assert.Equal(6, lost.Age);
            Assert.Equal(3, lost.FramesLost);
        }
        finally
        {
            result.Release();
        }
    }

    [Fact]
    public void Without_a_tracker_no_detection_has_a_track()
    {
        var frames = new EventFrames();
        var result = frames.Make(EventFrames.Source(0, "door"), 0, EventFrames.T0, EventFrames.Persons(2));
        try
        {
            Assert.False(result.IsTracked);
            Assert.Equal(TrackInfo.None, result.Track(0));
            Assert.True(result.TrackIds.IsEmpty);
            Assert.True(result.LostTracks.IsEmpty);
        }
        finally
        {
            result.Release();
        }
    }
}
