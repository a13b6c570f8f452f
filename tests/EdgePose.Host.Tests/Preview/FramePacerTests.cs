using System.Diagnostics;
using EdgePose.Host.Preview;

namespace EdgePose.Host.Tests.Preview;

public sealed class FramePacerTests
{
    private static readonly long s_second = Stopwatch.Frequency;

    [Fact]
    public void A_fast_source_is_paced_to_the_cap_not_to_a_divisor_of_its_rate()
    {
        var pacer = new FramePacer(TimeSpan.FromSeconds(0.1));
        long start = s_second * 1000;

        // 25 fps for 10 s under a 10 fps cap: every third frame would give 83.
        int taken = Enumerable.Range(0, 250).Count(i => pacer.TryTake(start + (i * s_second / 25)));

        Assert.InRange(taken, 99, 101);
    }

    [Fact]
    public void A_slow_source_keeps_every_frame()
    {
        var pacer = new FramePacer(TimeSpan.FromSeconds(0.1));

        int taken = Enumerable.Range(0, 50).Count(i => pacer.TryTake((s_second * 1000) + (i * s_second / 5)));

        Assert.Equal(50, taken);
    }

    [Fact]
    public void Frames_close_together_are_skipped_and_a_pause_restarts_at_once()
    {
        var pacer = new FramePacer(TimeSpan.FromSeconds(0.1));
        long t = s_second * 1000;

        Assert.True(pacer.TryTake(t));
        Assert.False(pacer.TryTake(t + (s_second / 100)));
        Assert.False(pacer.TryTake(t + (s_second / 20)));
        Assert.True(pacer.TryTake(t + (s_second / 10)));
        Assert.True(pacer.TryTake(t + (5 * s_second)));
        Assert.False(pacer.TryTake(t + (5 * s_second) + (s_second / 20)));
    }
}
