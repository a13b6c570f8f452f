using EdgePose.Core.Poses;
using EdgePose.Core.Tracking;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Tracking;

public class ByteTrackerTests
{
    [Fact]
    public void Person_crossing_another_keeps_their_id()
    {
        var scene = new Scene();
        int[] first = [];
        int[] last = [];
        for (int f = 0; f <= 60; f++)
        {
            // A walks right, B walks left, slightly lower; they overlap fully around frame 30.
            var ids = scene.Step((100 + (6 * f), 300, 60, 160, 0.9f), (460 - (6 * f), 320, 60, 160, 0.85f));
            if (f == 1)
            {
                first = ids;
            }

            last = ids;
        }

        Assert.All(first, id => Assert.True(id > 0));
        Assert.NotEqual(first[0], first[1]);
        Assert.Equal(first, last);
    }

    [Fact]
    public void Person_hidden_fewer_than_track_buffer_frames_gets_the_same_id_back()
    {
        var scene = new Scene();
        int id = 0;
        for (int f = 0; f < 10; f++)
        {
            id = scene.Step(Scene.Person(200))[0];
        }

        for (int f = 0; f < 25; f++)
        {
            Assert.Empty(scene.Step());
        }

        Assert.Equal(TrackState.Lost, Assert.Single(scene.Tracker.LostTracks.ToArray()).State);
        Assert.Equal(id, scene.Step(Scene.Person(200))[0]);
        Assert.Equal(TrackState.Tracked, scene.Tracker.TrackOf(0)!.State);
    }

    [Fact]
    public void Person_hidden_longer_than_track_buffer_gets_a_new_id()
    {
        var scene = new Scene();
        int id = 0;
        for (int f = 0; f < 10; f++)
        {
            id = scene.Step(Scene.Person(200))[0];
        }

        for (int f = 0; f < 31; f++)
        {
            scene.Step();
        }

        Assert.Equal(0, scene.Tracker.LostTracks.Length);
        scene.Step(Scene.Person(200));
        int again = scene.Step(Scene.Person(200))[0];
        Assert.True(again > id, $"id {again} after {id}");
    }

    [Fact]
    public void Track_buffer_scales_with_the_frame_rate_as_in_Ultralytics()
    {
        Assert.Equal(30, new ByteTracker(new TrackerOptions()).MaxTimeLost);
        Assert.Equal(15, new ByteTracker(new TrackerOptions(), frameRate: 15).MaxTimeLost);
        Assert.Equal(59, new ByteTracker(new TrackerOptions(), frameRate: 59.94).MaxTimeLost);
    }

    [Fact]
    public void New_person_gets_a_new_id_from_their_second_frame()
    {
        var scene = new Scene();
        int a = 0;
        for (int f = 0; f < 5; f++)
        {
            a = scene.Step(Scene.Person(100))[0];
        }

        var ids = scene.Step(Scene.Person(100), Scene.Person(500));
        Assert.Equal(a, ids[0]);
        Assert.Equal(-1, ids[1]); // unconfirmed on its first frame, as in Ultralytics
        ids = scene.Step(Scene.Person(100), Scene.Person(500));
        Assert.Equal(a, ids[0]);
        Assert.True(ids[1] > 0 && ids[1] != a, $"ids {ids[0]}, {ids[1]}");
        Assert.Equal(2, scene.Tracker.TrackOf(1)!.Age);
        Assert.Equal(new TrackInfo(a, TrackState.Tracked, 7, 0.9f), scene.Tracker.Info(0));
    }

    [Fact]
    public void People_on_the_first_frame_are_labelled_at_once()
    {
        var ids = new Scene().Step(Scene.Person(100), Scene.Person(400));
        Assert.Equal([1, 2], ids);
    }

    [Fact]
    public void Low_score_detection_continues_an_existing_track()
    {
        var scene = new Scene();
        int id = 0;
        for (int f = 0; f < 5; f++)
        {
            id = scene.Step(Scene.Person(200 + f))[0];
        }

        for (int f = 5; f < 10; f++)
        {
            Assert.Equal(id, scene.Step(Scene.Person(200 + f, score: 0.15f))[0]);
        }
    }

    [Fact]
    public void Low_score_detection_does_not_start_a_track()
    {
        var scene = new Scene();
        for (int f = 0; f < 5; f++)
        {
            Assert.Equal([-1], scene.Step(Scene.Person(200, score: 0.2f)));
            Assert.Equal(TrackInfo.None, scene.Tracker.Info(0));
        }

        Assert.Equal(0, scene.Tracker.TrackedTracks.Length);
    }

    [Fact]
    public void Detection_at_or_below_track_low_thresh_is_ignored()
    {
        var scene = new Scene();
        int id = scene.Step(Scene.Person(200))[0];
        Assert.Equal([-1], scene.Step(Scene.Person(200, score: 0.1f)));
        Assert.Equal(id, scene.Tracker.LostTracks[0].Id);
    }

    [Fact]
    public void High_score_detection_below_new_track_thresh_does_not_start_a_track()
    {
        var scene = new Scene(new TrackerOptions { NewTrackThresh = 0.6 });
        Assert.Equal([-1], scene.Step(Scene.Person(200, score: 0.5f)));
        Assert.Equal(0, scene.Tracker.TrackedTracks.Length);
    }

    [Fact]
    public void Reset_starts_ids_again()
    {
        var scene = new Scene();
        scene.Step(Scene.Person(100), Scene.Person(400));
        scene.Tracker.Reset();
        Assert.Equal(0, scene.Tracker.FrameCount);
        Assert.Equal([1], scene.Step(Scene.Person(700)));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ByteTracker(new TrackerOptions { MatchThresh = 2 }));
        Assert.Contains("match_thresh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tracking_a_crowd_again_allocates_nothing()
    {
        var tracker = new ByteTracker(new TrackerOptions());
        var frame = new PoseDetections(64, 17);
        void Run(int from, int to)
        {
            for (int f = from; f < to; f++)
            {
                frame.Clear();
                for (int p = 0; p < 50; p++)
                {
                    // People walk in a grid; every 7th one blinks out now and then, and scores vary.
                    if ((p % 7 == 0) && ((f / 10) + p) % 3 == 0)
                    {
                        continue;
                    }

                    float x = ((p % 10) * 120) + ((f % 200) * 0.5f * ((p % 2 == 0) ? 1 : -1));
                    float y = ((p / 10) * 150) + 40;
                    frame.Add(x, y, x + 50, y + 130, 0.15f + ((p * 37 % 80) / 100f), 0, -1);
                }

                tracker.Update(frame);
            }
        }

        Run(0, 300);
        int next = 300;
        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            Run(next, next + 200);
            next += 200;
        }));
        Assert.True(tracker.TrackedTracks.Length >= 30, $"{tracker.TrackedTracks.Length} tracked");
    }
}
