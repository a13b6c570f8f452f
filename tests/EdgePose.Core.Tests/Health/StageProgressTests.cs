using EdgePose.Core.Health;

namespace EdgePose.Core.Tests.Health;

public sealed class StageProgressTests
{
    private static ProgressSnapshot At(long captured, long inferred, long jsonl, long mqtt, long sourceDropped = 0, long mqttDropped = 0) =>
        new(captured, sourceDropped, inferred, new Dictionary<string, (long, long)> { ["jsonl"] = (jsonl, 0), ["mqtt"] = (mqtt, mqttDropped) });

    [Fact]
    public void Frames_flowing_through_every_stage_are_progress()
    {
        Assert.Null(StageProgress.Stalled(At(10, 9, 9, 9), At(40, 38, 38, 37)));
    }

    [Fact]
    public void Frames_captured_but_none_inferred_is_a_stuck_inference()
    {
        Assert.Equal("inference: 31 frames waiting, none inferred", StageProgress.Stalled(At(10, 9, 9, 9), At(40, 9, 9, 9)));
    }

    [Fact]
    public void Frames_left_waiting_when_capture_stopped_too_is_still_a_stuck_inference()
    {
        // A file source waits for the pipeline: when inference hangs, capture stops as well.
        Assert.NotNull(StageProgress.Stalled(At(40, 30, 30, 30), At(40, 30, 30, 30)));
    }

    [Fact]
    public void Results_inferred_that_an_output_never_finishes_is_a_stuck_output_even_while_its_queue_drops()
    {
        Assert.Equal("output mqtt: 2 results waiting, none written", StageProgress.Stalled(At(10, 9, 9, 9), At(40, 38, 38, 9, mqttDropped: 27)));
    }

    [Fact]
    public void A_camera_that_sends_nothing_with_nothing_waiting_is_not_a_stuck_stage()
    {
        Assert.Null(StageProgress.Stalled(At(10, 10, 10, 10), At(10, 10, 10, 10)));
    }

    [Fact]
    public void Frames_the_source_dropped_are_not_waiting()
    {
        Assert.Null(StageProgress.Stalled(At(50, 10, 10, 10, sourceDropped: 40), At(50, 10, 10, 10, sourceDropped: 40)));
    }
}
