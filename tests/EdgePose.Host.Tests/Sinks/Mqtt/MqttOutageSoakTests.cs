using System.Diagnostics;
using System.Text;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>
/// Issue 11's outage test: while events are written at 30 per second, the broker is stopped and restarted 5 times;
/// no QoS 1 event may be lost and the order is kept. In CI the outages last 1 s; the full run (outages of 10 s)
/// runs with EDGEPOSE_MQTT_SOAK=1 (scripts/mqtt-outage-soak.sh), results in docs/performance.md.
/// </summary>
[Collection(nameof(MqttPublishRateTests))]
public sealed class MqttOutageSoakTests(ITestOutputHelper output)
{
    public const string SoakVariable = "EDGEPOSE_MQTT_SOAK";
    private const double EventsPerSecond = 30;

    [RequiresMosquittoFact]
    public Task Thirty_events_a_second_through_five_short_outages_lose_none_and_keep_order() =>
        RunAsync(outages: 5, outage: TimeSpan.FromSeconds(1), between: TimeSpan.FromSeconds(1));

    [SoakFact]
    public Task Thirty_events_a_second_through_five_outages_of_ten_seconds_lose_none_and_keep_order() =>
        RunAsync(outages: 5, outage: TimeSpan.FromSeconds(10), between: TimeSpan.FromSeconds(5));

    private async Task RunAsync(int outages, TimeSpan outage, TimeSpan between)
    {
        // The subscriber is a persistent session, away during the run: the broker keeps every event for it
        // (no limit on its queue) across its own restarts, and hands them over at the end.
        using var broker = MosquittoBroker.Start("max_queued_messages 0");
        const string subscriber = "soak-probe";
        await using (await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        var options = new MqttSinkOptions(MqttBrokerAddress.Parse(broker.Uri), new PoseEventOptions("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always })
        {
            ReconnectDelay = TimeSpan.FromMilliseconds(250),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
        };
        await using var sink = new MqttPoseSink(options, new MqttStatus("0.1.0", KeypointMeta.Coco17.KeypointNames, ["door"]), NullLogger.Instance);
        using var done = new CancellationTokenSource();
        int maxQueued = 0;
        var writer = Task.Run(async () =>
        {
            var frames = new SinkFrames();
            var source = SinkFrames.Source(0, "door");
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / EventsPerSecond));
            long seq = 0;
            while (await timer.WaitForNextTickAsync(CancellationToken.None) && !done.IsCancellationRequested)
            {
                var r = frames.Make(source, seq++, 640, 480, SinkFrames.Person(640, 480));
                try
                {
                    await sink.WriteAsync(r, CancellationToken.None);
                }
                finally
                {
                    r.Release();
                }

                maxQueued = Math.Max(maxQueued, sink.Queued);
            }

            return seq;
        });

        var clock = Stopwatch.StartNew();
        await Task.Delay(between);
        for (int i = 0; i < outages; i++)
        {
            broker.Stop();
            await Task.Delay(outage);
            broker.Restart();
            await Task.Delay(between);
        }

        await done.CancelAsync();
        long written = await writer;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (sink.Queued > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{sink.Queued} events still queued 30 s after the last outage");
            await Task.Delay(50);
        }

        await using var probe = await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber);
        var received = await probe.WaitForAsync("/poses", (int)written, seconds: 60);
        var seqs = received.Select(m => PoseEventJson.Parse(Encoding.UTF8.GetBytes(m.Payload)).Seq).ToList();
        output.WriteLine($"{written} events in {clock.Elapsed.TotalSeconds:0} s at {EventsPerSecond}/s, {outages} outages of {outage.TotalSeconds} s: " +
            $"{seqs.Distinct().Count()} distinct received ({seqs.Count - seqs.Distinct().Count()} again after a lost ack), dropped {sink.Dropped}, refused {sink.Refused}, " +
            $"reconnects {sink.Reconnects}, most queued {maxQueued}");

        Assert.Equal(Enumerable.Range(0, (int)written).Select(i => (long)i), seqs.Distinct());
        Assert.Equal((0L, 0L), (sink.Dropped, sink.Refused));
        // One reconnect per outage on a quiet machine; on a loaded one a reconnect can still be backing off when the
        // next outage starts, so two outages make one reconnect. What matters is above: nothing lost, order kept.
        Assert.True(sink.Reconnects >= 1, $"{sink.Reconnects} reconnects for {outages} outages");
        Assert.True(maxQueued >= outage.TotalSeconds * EventsPerSecond * 0.5, $"at most {maxQueued} queued: the outages did not hold events back");
    }

    /// <summary>The full soak: runs only with EDGEPOSE_MQTT_SOAK=1 (and mosquitto installed).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class SoakFactAttribute : FactAttribute
    {
        public SoakFactAttribute()
        {
            Skip = Environment.GetEnvironmentVariable(SoakVariable) != "1" ? $"the full outage soak (about 80 s) runs with {SoakVariable}=1: scripts/mqtt-outage-soak.sh"
                : !File.Exists(MosquittoBroker.Executable) ? "Debian mosquitto is not installed"
                : null;
        }
    }
}
