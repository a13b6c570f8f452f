using EdgePose.Core.Events;

namespace EdgePose.Core.Tests.Events;

public sealed class EmptyFrameGateTests
{
    private static readonly DateTimeOffset T0 = EventFrames.T0;

    private static bool[] Run(EmptyFramePolicy policy, params (int Source, double Seconds, int Persons)[] frames)
    {
        var gate = new EmptyFrameGate(policy);
        return [.. frames.Select(f => gate.ShouldSend(f.Source, T0.AddSeconds(f.Seconds), f.Persons))];
    }

    [Fact]
    public void Always_sends_every_frame()
    {
        Assert.Equal([true, true, true], Run(EmptyFramePolicy.Always, (0, 0, 0), (0, 0.1, 0), (0, 0.2, 2)));
    }

    [Fact]
    public void Skip_sends_only_frames_with_persons()
    {
        Assert.Equal([false, true, false], Run(EmptyFramePolicy.Skip, (0, 0, 0), (0, 0.1, 1), (0, 0.2, 0)));
    }

    [Fact]
    public void Heartbeat_sends_an_empty_frame_only_after_the_source_was_silent_for_the_interval()
    {
        var sent = Run(
            EmptyFramePolicy.Heartbeat(TimeSpan.FromSeconds(2)),
            (0, 0.0, 0), // first frame of the source: sent
            (0, 1.0, 0), // 1 s since the last event: not yet
            (0, 1.9, 0),
            (0, 2.0, 0), // 2 s: heartbeat
            (0, 3.0, 1), // persons: always sent, and restarts the interval
            (0, 4.5, 0), // 1.5 s after the persons event: not yet
            (0, 5.0, 0)); // 2 s: heartbeat
        Assert.Equal([true, false, false, true, true, false, true], sent);
    }

    [Fact]
    public void Heartbeats_are_kept_per_source()
    {
        var sent = Run(
            EmptyFramePolicy.Heartbeat(TimeSpan.FromSeconds(1)),
            (0, 0.0, 0),
            (1, 0.5, 0), // another source's first frame: sent although source 0 just sent
            (0, 0.6, 0),
            (1, 0.9, 0),
            (0, 1.0, 0),
            (5, 1.0, 0)); // a source index far beyond the others
        Assert.Equal([true, true, false, false, true, true], sent);
    }

    [Fact]
    public void A_capture_time_going_backwards_sends_a_heartbeat()
    {
        Assert.Equal([true, true], Run(EmptyFramePolicy.Heartbeat(TimeSpan.FromSeconds(10)), (0, 100, 0), (0, 5, 0)));
    }
}
