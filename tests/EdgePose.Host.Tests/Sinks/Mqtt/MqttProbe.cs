using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>A test subscriber: an MQTTnet client that records every message it gets on a topic filter.</summary>
internal sealed class MqttProbe : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<Received> _messages = new();

    private MqttProbe(IMqttClient client)
    {
        _client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            var props = m.UserProperties?.ToDictionary(p => p.Name, p => p.ReadValueAsString()) ?? [];
            _messages.Enqueue(new Received(m.Topic, Encoding.UTF8.GetString(m.Payload), m.Retain, m.ContentType, props));
            return Task.CompletedTask;
        };
    }

    public sealed record Received(string Topic, string Payload, bool Retain, string? ContentType, IReadOnlyDictionary<string, string> Properties);

    public IReadOnlyList<Received> Messages => [.. _messages];

    /// <summary>
    /// Connects and subscribes at QoS 1. <paramref name="persistentId"/>: an MQTT 3.1.1 persistent session under that
    /// client id, so that the broker keeps QoS 1 messages for it while it is away (and across a broker restart).
    /// </summary>
    public static async Task<MqttProbe> ConnectAsync(int port, string filter, string? persistentId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var probe = new MqttProbe(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(persistentId ?? ("probe-" + Guid.NewGuid().ToString("N")))
            .WithProtocolVersion(persistentId is null ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithCleanSession(persistentId is null)
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(options, timeout.Token);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        return probe;
    }

    /// <summary>The messages on topics ending in <paramref name="suffix"/>, waiting up to <paramref name="seconds"/> until there are <paramref name="count"/>.</summary>
    public Task<IReadOnlyList<Received>> WaitForAsync(string suffix, int count, double seconds = 20) =>
        TopicWait.ForAsync(() => Messages, m => m.Topic, suffix, count, seconds);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }

        _client.Dispose();
    }
}
