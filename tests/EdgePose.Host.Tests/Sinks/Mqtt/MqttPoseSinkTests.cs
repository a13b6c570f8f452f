using System.Text;
using System.Text.Json;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>The MQTT sink against a real mosquitto on a loopback port (started and stopped by the test).</summary>
public sealed class MqttPoseSinkTests : IDisposable
{
    private static readonly PoseEventOptions s_events = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private static readonly MqttStatus s_status = new("0.1.0", KeypointMeta.Coco17.KeypointNames, ["door"]);
    private readonly SinkFrames _frames = new();
    private readonly PipelineSource _door = SinkFrames.Source(0, "door");
    private readonly MosquittoBroker _broker = MosquittoBroker.Start();

    public void Dispose() => _broker.Dispose();

    private MqttPoseSink NewSink(Func<MqttSinkOptions, MqttSinkOptions>? change = null)
    {
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse(_broker.Uri), s_events) { ReconnectDelay = TimeSpan.FromMilliseconds(100), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) };
        return new MqttPoseSink(change?.Invoke(options) ?? options, s_status, NullLogger.Instance);
    }

    private async Task WriteAsync(MqttPoseSink sink, long first, int count, int persons = 1)
    {
        for (long seq = first; seq < first + count; seq++)
        {
            var r = _frames.Make(_door, seq, 64, 48, persons > 0 ? SinkFrames.Person(64, 48) : null);
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

    private static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    private static long[] Seqs(IEnumerable<MqttProbe.Received> messages) =>
        [.. messages.Select(m => PoseEventJson.Parse(Encoding.UTF8.GetBytes(m.Payload)).Seq)];

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task Events_arrive_in_order_on_the_source_topic_valid_and_labelled()
    {
        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/#");
        await using var sink = NewSink();
        await WriteAsync(sink, 0, 10);
        await sink.CompleteAsync(CancellationToken.None);

        var events = await probe.WaitForAsync("/poses", 10);
        // At least once: a publish that timed out on a busy machine is sent again after the ones in flight.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Seqs(events).Distinct());
        Assert.All(events, m =>
        {
            Assert.Equal("edgepose/edge-01/door/poses", m.Topic);
            Assert.Equal("application/json", m.ContentType);
            Assert.Equal(PoseEventSchema.Version, m.Properties["schema"]);
            Assert.False(m.Retain);
            PoseEventSchemaCheck.AssertValid(m.Payload);
        });
        Assert.Equal((10L, 0L, 0L), (sink.Published, sink.Dropped, sink.Refused));
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task The_retained_status_says_online_with_keypoint_names_and_offline_after_a_clean_end()
    {
        await using var sink = NewSink();
        await WaitUntilAsync(() => sink.IsConnected, "connected");
        await using (var early = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/edge-01/status"))
        {
            var online = (await early.WaitForAsync("/status", 1)).Single();
            Assert.True(online.Retain);
            using var doc = JsonDocument.Parse(online.Payload);
            Assert.Equal("online", doc.RootElement.GetProperty("state").GetString());
            Assert.Equal(PoseEventSchema.Version, doc.RootElement.GetProperty("schema").GetString());
            Assert.Equal(KeypointMeta.Coco17.KeypointNames, doc.RootElement.GetProperty("keypoints").EnumerateArray().Select(k => k.GetString()!));
            Assert.Equal(["door"], doc.RootElement.GetProperty("sources").EnumerateArray().Select(k => k.GetString()!));
        }

        await sink.CompleteAsync(CancellationToken.None);
        await using var late = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/edge-01/status");
        var offline = (await late.WaitForAsync("/status", 1)).Single();
        Assert.Contains("\"state\":\"offline\"", offline.Payload, StringComparison.Ordinal);
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task A_lost_connection_makes_the_broker_publish_the_last_will_offline()
    {
        var sink = NewSink();
        await WaitUntilAsync(() => sink.IsConnected, "connected");
        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/edge-01/status");
        Assert.Contains("online", (await probe.WaitForAsync("/status", 1)).Single().Payload, StringComparison.Ordinal);
        sink.AbortConnection();
        var status = await probe.WaitForAsync("/status", 2);
        Assert.Contains("\"state\":\"offline\"", status[^1].Payload, StringComparison.Ordinal);
        await sink.DisposeAsync();
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task Events_queued_while_the_broker_is_down_arrive_in_order_after_it_returns()
    {
        const string subscriber = "outage-probe";
        await using (var first = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        await using var sink = NewSink();
        await WriteAsync(sink, 0, 5);
        await WaitUntilAsync(() => sink.Published == 5, "5 published");
        for (int outage = 0; outage < 2; outage++)
        {
            _broker.Stop();
            await WaitUntilAsync(() => !sink.IsConnected, "the sink saw the broker go");
            await WriteAsync(sink, 5 + (outage * 10), 10);
            Assert.InRange(sink.Queued, 9, 10);
            _broker.Restart();
            await WaitUntilAsync(() => sink.Queued == 0, "the queue drained");
        }

        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber);
        var events = await probe.WaitForAsync("/poses", 25);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), Seqs(events).Distinct());
        Assert.Equal(0, sink.Dropped);
        Assert.True(sink.Reconnects >= 2, $"{sink.Reconnects} reconnects");
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task An_outage_longer_than_the_queue_loses_only_the_oldest_and_counts_them()
    {
        const string subscriber = "overflow-probe";
        await using (var first = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        await using var sink = NewSink(o => o with { QueueMaxCount = 5 });
        await WaitUntilAsync(() => sink.IsConnected, "connected");
        _broker.Stop();
        await WaitUntilAsync(() => !sink.IsConnected, "the sink saw the broker go");
        await WriteAsync(sink, 0, 12);
        Assert.Equal((5, 7L), (sink.Queued, sink.Dropped));
        _broker.Restart();
        await WaitUntilAsync(() => sink.Queued == 0, "the queue drained");

        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber);
        var events = await probe.WaitForAsync("/poses", 5);
        Assert.Equal([7L, 8, 9, 10, 11], Seqs(events).Distinct());
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task A_broker_that_stalls_for_many_publish_timeouts_loses_no_event()
    {
        const string subscriber = "stall-probe";
        await using (var first = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber))
        {
        }

        await using var sink = NewSink(o => o with { Timeout = TimeSpan.FromMilliseconds(200) });
        await WriteAsync(sink, 0, 3);
        await WaitUntilAsync(() => sink.Published == 3, "3 published");
        _broker.Pause(); // the connection stays up; nothing is acknowledged
        await WriteAsync(sink, 3, 5);
        await Task.Delay(2000); // 10 publish timeouts
        _broker.Resume();
        await WaitUntilAsync(() => sink.Queued == 0, "the queue drained");

        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "edgepose/+/+/poses", subscriber);
        var events = await probe.WaitForAsync("/poses", 8);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), Seqs(events).Distinct());
        Assert.Equal((0L, 0L), (sink.Refused, sink.Dropped));
    }

    [RequiresFileFact(MosquittoBroker.Executable)]
    public async Task An_event_over_the_brokers_size_limit_is_refused_and_counted_and_the_rest_go_on()
    {
        using var small = MosquittoBroker.Start("max_packet_size 1500");
        await using var probe = await MqttProbe.ConnectAsync(small.Port, "edgepose/#");
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse(small.Uri), s_events) { ReconnectDelay = TimeSpan.FromMilliseconds(100), Mqtt5 = false };
        await using var sink = new MqttPoseSink(options, s_status, NullLogger.Instance);
        await WriteAsync(sink, 0, 1, persons: 0);
        await WriteAsync(sink, 1, 1, persons: 1); // about 800 bytes: fits
        var big = _frames.Make(_door, 2, 640, 480, Persons(5));
        try
        {
            await sink.WriteAsync(big, CancellationToken.None);
        }
        finally
        {
            big.Release();
        }

        await WriteAsync(sink, 3, 1, persons: 0);
        await WaitUntilAsync(() => sink.Queued == 0, "the queue drained", 30);
        var events = await probe.WaitForAsync("/poses", 3);
        Assert.Equal([0L, 1, 3], Seqs(events).Distinct());
        Assert.Equal(1, sink.Refused);
    }

    private static Core.Poses.PoseDetections Persons(int n)
    {
        var d = new Core.Poses.PoseDetections(10, SinkFrames.KeypointCount);
        for (int p = 0; p < n; p++)
        {
            int i = d.Add(10.5f + p, 20.5f, 300.5f, 400.5f, 0.5f, 0, p);
            d.Keypoints(i).Fill(123.45f);
        }

        return d;
    }
}
