using System.Diagnostics;
using EdgePose.Core.Events;
using EdgePose.Core.Meta;
using EdgePose.Host.Sinks.Mqtt;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>Brokers the sink cannot use: it keeps the events queued, retries with backoff and says why once, never blocking writes.</summary>
public sealed class MqttConnectionFailureTests
{
    private static readonly PoseEventOptions s_events = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private static readonly MqttStatus s_status = new("0.1.0", KeypointMeta.Coco17.KeypointNames, ["door"]);
    private readonly SinkFrames _frames = new();

    private static async Task WaitForLogAsync(RecordingLogger log, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!log.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line with '{text}': {string.Join(" | ", log.Lines)}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_unreachable_broker_is_retried_with_events_kept_and_reported_once()
    {
        var log = new RecordingLogger();
        int port = MosquittoBroker.FreePort();
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse($"mqtt://127.0.0.1:{port}"), s_events) { ReconnectDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100), DrainTimeout = TimeSpan.FromMilliseconds(300) };
        await using var sink = new MqttPoseSink(options, s_status, log);
        var clock = Stopwatch.StartNew();
        await _frames.WriteAsync(sink, 20);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"writes took {clock.Elapsed.TotalSeconds:0.0} s");
        await WaitForLogAsync(log, "cannot connect");
        await Task.Delay(500); // several more tries
        Assert.False(sink.IsConnected);
        Assert.Equal(20, sink.Queued);
        Assert.Single(log.Lines, l => l.Contains("cannot connect", StringComparison.Ordinal));
        Assert.Contains($"mqtt://127.0.0.1:{port}", log.Lines[0], StringComparison.Ordinal);
        await sink.CompleteAsync(CancellationToken.None);
        Assert.Contains(log.Lines, l => l.Contains("20 queued event(s) not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_that_never_answers_is_reported_as_no_answer_in_time_and_retried()
    {
        using var silent = new SilentTcpServer();
        var log = new RecordingLogger();
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse($"mqtt://127.0.0.1:{silent.Port}"), s_events)
        {
            Timeout = TimeSpan.FromMilliseconds(300),
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            DrainTimeout = TimeSpan.FromMilliseconds(300),
        };
        await using var sink = new MqttPoseSink(options, s_status, log);
        await _frames.WriteAsync(sink, 4);
        await WaitForLogAsync(log, "cannot connect");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (silent.Accepted < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "not retried");
            await Task.Delay(20);
        }

        var line = log.Lines.Single(l => l.Contains("cannot connect", StringComparison.Ordinal));
        Assert.True(line.Contains($"MQTT mqtt://127.0.0.1:{silent.Port}: cannot connect: no answer within 0.3 s", StringComparison.Ordinal), line);
        Assert.Equal(4, sink.Queued);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_reported_naming_it_and_retried()
    {
        var log = new RecordingLogger();
        var options = new MqttSinkOptions(MqttBrokerAddress.Parse("mqtt://edgepose-no-such-broker.invalid:1883"), s_events)
        {
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            DrainTimeout = TimeSpan.FromMilliseconds(300),
        };
        await using var sink = new MqttPoseSink(options, s_status, log);
        await _frames.WriteAsync(sink, 2);
        await WaitForLogAsync(log, "cannot connect");

        var line = log.Lines.Single(l => l.Contains("cannot connect", StringComparison.Ordinal));
        Assert.StartsWith("Warning: MQTT mqtt://edgepose-no-such-broker.invalid:1883: cannot connect: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.Equal(2, sink.Queued);
    }

    [RequiresFileFact("/usr/bin/mosquitto_passwd")]
    public async Task Refused_credentials_are_reported_without_the_password_and_retried()
    {
        var dir = TestPaths.NewTempDir("edgepose-mqtt-auth");
        try
        {
            var passwords = Path.Combine(dir, "passwords");
            using (var p = Process.Start("/usr/bin/mosquitto_passwd", ["-b", "-c", passwords, "edge", "right-password"]))
            {
                Assert.True(p.WaitForExit(10_000) && p.ExitCode == 0, "mosquitto_passwd failed");
            }

            using var broker = MosquittoBroker.Start($"allow_anonymous false\npassword_file {passwords}");
            var log = new RecordingLogger();
            var options = new MqttSinkOptions(MqttBrokerAddress.Parse(broker.Uri), s_events)
            {
                Username = "edge",
                Password = "wrong-password",
                ReconnectDelay = TimeSpan.FromMilliseconds(50),
                DrainTimeout = TimeSpan.FromMilliseconds(300),
            };
            await using (var sink = new MqttPoseSink(options, s_status, log))
            {
                await _frames.WriteAsync(sink, 3);
                await WaitForLogAsync(log, "cannot connect");
                Assert.False(sink.IsConnected);
                Assert.Equal(3, sink.Queued);
                var line = log.Lines.First(l => l.Contains("cannot connect", StringComparison.Ordinal));
                Assert.Contains("NotAuthorized", line, StringComparison.Ordinal);
                Assert.DoesNotContain(log.Lines, l => l.Contains("wrong-password", StringComparison.Ordinal));
            }

            // The right password: the same settings connect and deliver.
            await using var good = new MqttPoseSink(options with { Password = "right-password" }, s_status, log);
            await _frames.WriteAsync(good, 3);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (good.Published < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "not published with the right password");
                await Task.Delay(20);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
