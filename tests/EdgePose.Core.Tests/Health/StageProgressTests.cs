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
    public void Frames_waiting_and_none_inferred_in_the_interval_is_a_stuck_inference()
    {
        Assert.Equal("inference: 31 frames waiting, none inferred", StageProgress.Stalled(At(10, 9, 9, 9), At(40, 9, 9, 9)));
    }

    [Fact]
    public void Frames_that_arrived_during_the_interval_are_not_late_yet()
    {
        Assert.Null(StageProgress.Stalled(At(9, 9, 9, 9), At(40, 9, 9, 9)));
    }

    [Fact]
    public void A_first_result_not_written_yet_is_not_a_stuck_output()
    {
        // Started with nothing inferred; one result inferred since, its first write still under way (JIT on a busy machine).
        Assert.Null(StageProgress.Stalled(At(0, 0, 0, 0), At(1, 1, 0, 1)));
    }

    [Fact]
    public void Results_waiting_a_whole_interval_unwritten_is_a_stuck_output()
    {
        Assert.Equal("output jsonl: 1 results waiting, none written", StageProgress.Stalled(At(1, 1, 0, 1), At(1, 1, 0, 1)));
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
        Assert.Equal("output mqtt: 2 results waiting, none written", StageProgress.Stalled(At(10, 9, 9, 8), At(40, 38, 38, 8, mqttDropped: 28)));
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
