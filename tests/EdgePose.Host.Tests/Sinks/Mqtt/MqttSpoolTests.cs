using System.Text;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>The MQTT sink with the on-disk spool: events the broker did not take survive a restart of the service.</summary>
public sealed class MqttSpoolTests : IDisposable
{
    private static readonly PoseEventOptions s_events = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private static readonly MqttStatus s_status = new("0.1.0", KeypointMeta.Coco17.KeypointNames, ["door"]);
    private readonly string _spool = TestPaths.NewTempDir("edgepose-mqtt-spool");
    private readonly SinkFrames _frames = new();
    private readonly RecordingLogger _log = new();

    public void Dispose() => Directory.Delete(_spool, recursive: true);

    private MqttPoseSink NewSink(MosquittoBroker broker) =>
        new(new MqttSinkOptions(MqttBrokerAddress.Parse(broker.Uri), s_events)
        {
            SpoolDirectory = _spool,
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(300),
            Timeout = TimeSpan.FromSeconds(1),
        }, s_status, _log);

    private async Task WriteAsync(MqttPoseSink sink, long first, int count)
    {
        var source = SinkFrames.Source(0, "door");
        for (long seq = first; seq < first + count; seq++)
        {
            var r = _frames.Make(source, seq, 64, 48, SinkFrames.Person(64, 48));
            try
            {
                await sink.WriteAsync(r, CancellationToken.None);
            }
            finally
            {
                r.Release();
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task Events_queued_while_the_broker_is_away_survive_a_service_restart_and_arrive_first_in_order()
    {
        using var broker = MosquittoBroker.Start();
        const string subscriber = "spool-probe";
        await using (await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        broker.Stop();
        await using (var before = NewSink(broker))
        {
            await WriteAsync(before, 0, 10);
        }

        Assert.NotEmpty(Directory.GetFiles(_spool, "*.seg"));
        Assert.Contains(_log.Lines, l => l.Contains("10 event(s) not yet delivered kept in the spool", StringComparison.Ordinal));

        await using var after = NewSink(broker);
        Assert.Equal(10, after.Queued);
        await WriteAsync(after, 10, 5);
        broker.Restart();
        await WaitUntilAsync(() => after.Queued == 0, "the spool and queue drained");

        await using var probe = await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber);
        var events = await probe.WaitForAsync("/poses", 15);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), events.Select(m => PoseEventJson.Parse(Encoding.UTF8.GetBytes(m.Payload)).Seq).Distinct());
        Assert.Equal(0, after.Dropped);

        // Queued counts events not yet sent; a segment goes when the broker has acknowledged all its events,
        // which on a loaded machine can come a little after the subscriber has them.
        await WaitUntilAsync(() => Directory.GetFiles(_spool, "*.seg").Length == 0, "the delivered segments deleted");
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task Events_the_broker_has_not_acknowledged_at_the_stop_are_kept_and_arrive_after_the_restart()
    {
        using var broker = MosquittoBroker.Start();
        const string subscriber = "unacked-probe";
        await using (await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        await using (var before = NewSink(broker))
        {
            await WaitUntilAsync(() => before.IsConnected, "connected");
            await WriteAsync(before, 0, 3);
            await WaitUntilAsync(() => before.Published == 3, "3 published");

            // Frozen, the broker keeps the connection open and acknowledges nothing: these stay in flight.
            broker.Pause();
            await WriteAsync(before, 3, 5);
            await Task.Delay(300);
            Assert.Equal(5, before.Queued);
        }

        Assert.NotEmpty(Directory.GetFiles(_spool, "*.seg"));
        broker.Resume();
        await using var after = NewSink(broker);
        await WriteAsync(after, 8, 2);
        await WaitUntilAsync(() => after.Queued == 0, "the spool and queue drained");

        await using var probe = await MqttProbe.ConnectAsync(broker.Port, "edgepose/+/+/poses", subscriber);
        var events = await probe.WaitForAsync("/poses", 10);
        // At least once: the broker may have taken some of the frozen ones before it answered again.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), events.Select(m => PoseEventJson.Parse(Encoding.UTF8.GetBytes(m.Payload)).Seq).Distinct());
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task While_connected_nothing_is_written_to_the_spool()
    {
        using var broker = MosquittoBroker.Start();
        await using var sink = NewSink(broker);
        await WaitUntilAsync(() => sink.IsConnected, "connected");
        await WriteAsync(sink, 0, 20);
        await WaitUntilAsync(() => sink.Published == 20, "20 published");

        Assert.Empty(Directory.GetFiles(_spool, "*.seg"));
    }
}
