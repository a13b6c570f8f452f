using EdgePose.Core.Health;
using EdgePose.Host.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgePose.Host.Tests.Service;

public sealed class SystemdNotificationsTests
{
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public List<string> Sent { get; } = [];

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => Sent.Add(state.ToString());
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }

    private static ProgressSnapshot At(long frames) =>
        new(frames, 0, frames, new Dictionary<string, (long, long)> { ["jsonl"] = (frames, 0) });

    private static (SystemdNotifications Notifications, RecordingNotifier Notifier, Lifetime Lifetime) Make(TimeSpan? watchdog)
    {
        var notifier = new RecordingNotifier();
        var lifetime = new Lifetime();
        return (new SystemdNotifications(notifier, lifetime, NullLogger<SystemdNotifications>.Instance, watchdog), notifier, lifetime);
    }

    [Fact]
    public void Ready_then_a_ping_each_check_while_every_stage_moves_and_none_once_one_is_stuck()
    {
        var (n, notifier, lifetime) = Make(TimeSpan.FromSeconds(20));
        long frames = 0;
        n.Start(() => At(frames), () => "1/1 live");
        Assert.Equal(["READY=1\nSTATUS=1/1 live", "WATCHDOG=1"], notifier.Sent);

        frames = 30;
        n.Check();
        Assert.Equal(["STATUS=1/1 live", "WATCHDOG=1"], notifier.Sent[2..]);

        // Inference stops while frames keep coming: the check after it sends the status, and no ping.
        var stuck = new ProgressSnapshot(90, 0, 30, new Dictionary<string, (long, long)> { ["jsonl"] = (30, 0) });
        n.Start(() => stuck, () => "1/1 live");
        notifier.Sent.Clear();
        stuck = stuck with { Captured = 120 };
        n.Check();
        Assert.Equal(["STATUS=stuck: inference: 90 frames waiting, none inferred; 1/1 live"], notifier.Sent);

        notifier.Sent.Clear();
        lifetime.StopApplication();
        n.Check();
        Assert.Equal(["STOPPING=1"], notifier.Sent);
    }

    [Fact]
    public void Checks_come_every_half_watchdog_timeout_so_pings_stop_within_half_of_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Make(TimeSpan.FromSeconds(20)).Notifications.Tick);
    }

    [Fact]
    public void Without_a_watchdog_only_ready_and_status_are_sent()
    {
        var (n, notifier, _) = Make(null);
        long frames = 0;
        n.Start(() => At(frames), () => "ok");
        frames = 5;
        n.Check();
        Assert.DoesNotContain("WATCHDOG=1", notifier.Sent);
        Assert.Equal(TimeSpan.FromSeconds(5), n.Tick);
    }

    [Theory]
    [InlineData("20000000", null, 20.0)]
    [InlineData("20000000", "1", null)]
    [InlineData("x", null, null)]
    [InlineData(null, null, null)]
    public void The_watchdog_timeout_comes_from_watchdog_usec_for_this_process_only(string? usec, string? pid, double? seconds)
    {
        var env = new Dictionary<string, string?> { ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, WatchdogSettings.Timeout(k => env.GetValueOrDefault(k)));
    }
}
