using EdgePose.Benchmarks;
using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Tracking;

public class TrackParityTests
{
    [RequiresTrackParityFact]
    public void Ids_agree_with_Ultralytics_BYTETracker_on_at_least_99_percent_of_track_frames()
    {
        var ours = TrackReplay.Run(TrackReplay.ReadDetections(TrackParityFiles.Detections), new TrackerOptions());
        var theirs = TrackReplay.ReadIds(TrackParityFiles.UltralyticsIds);
        var (agree, total) = TrackReplay.Agreement(ours, theirs);
        Assert.True(total > 0, "no track-frames");
        Assert.True(agree >= 0.99 * total, $"{agree}/{total} track-frames agree");
    }

    [Fact]
    public void Agreement_counts_ids_up_to_a_renaming()
    {
        // Their 7 and 9 are our 1 and 2; their 4 is unmatched by us; frame 2 swaps the two.
        List<int[]> ours = [[1, 2], [1, 2, -1], [1, 2], [-1]];
        List<int[]> theirs = [[7, 9], [7, 9, 4], [9, 7], [-1]];
        Assert.Equal((4, 7), TrackReplay.Agreement(ours, theirs));
    }
}
