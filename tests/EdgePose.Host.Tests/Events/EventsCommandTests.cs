using System.Text.Json;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;
using MQTTnet;

namespace EdgePose.Host.Tests.Events;

public sealed class EventsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-events-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task PublishAsync(int port, params (string Topic, string Payload, bool Retain)[] messages)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        foreach (var (topic, payload, retain) in messages)
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        await client.DisconnectAsync();
    }

    [Fact]
    public async Task Pose_events_and_the_retained_status_are_written_one_json_line_each()
    {
        using var broker = MosquittoBroker.Start();
        await PublishAsync(broker.Port, ("edgepose/edge-01/status", "{\"state\":\"online\"}", true));
        var file = Path.Combine(_dir, "events.jsonl");
        var run = CliRun.InProcess("events", "--broker", broker.Uri, "--count", "3", "--duration", "30", "--out", file);
        await WaitForSubscriptionAsync(file, run);
        await PublishAsync(broker.Port, ("edgepose/edge-01/door/poses", "{\"seq\":1,\n\"persons\":[]}", false), ("edgepose/edge-01/door/poses", "not json", false), ("other/topic", "{}", false));

        var result = await run;
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = File.ReadAllLines(file);
        Assert.Equal(3, lines.Length);
        Assert.Equal("online", JsonDocument.Parse(lines[0]).RootElement.GetProperty("state").GetString());
        Assert.Equal(1, JsonDocument.Parse(lines[1]).RootElement.GetProperty("seq").GetInt32());
        // A payload that is not JSON is wrapped, so that every line is JSON.
        var wrapped = JsonDocument.Parse(lines[2]).RootElement;
        Assert.Equal("edgepose/edge-01/door/poses", wrapped.GetProperty("topic").GetString());
        Assert.Equal("not json", wrapped.GetProperty("payload").GetString());
        Assert.Contains("3 message(s)", result.Stderr, StringComparison.Ordinal);
    }

    // The subscription is in place once the retained status (published before) has arrived.
    private static async Task WaitForSubscriptionAsync(string file, Task<CliRun> run)
    {
        for (int i = 0; i < 200 && !run.IsCompleted; i++)
        {
            if (File.Exists(file) && new FileInfo(file).Length > 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_unreachable_broker_is_named()
    {
        int port = MosquittoBroker.FreePort();
        var run = await CliRun.InProcess("events", "--broker", $"mqtt://127.0.0.1:{port}", "--count", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: broker mqtt://127.0.0.1:{port} is unreachable", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--broker", "http://x" }, "--broker")]
    [InlineData(new[] { "--ca-file", "ca.pem" }, "need an mqtts:// broker")]
    [InlineData(new[] { "--count", "0" }, "--count 0 must be at least 1")]
    [InlineData(new[] { "--password-file", "/nonexistent/pw" }, "/nonexistent/pw")]
    public async Task Bad_options_are_named(string[] args, string expected)
    {
        var run = await CliRun.InProcess(["events", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
