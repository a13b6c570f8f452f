using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Host.Sinks.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgePose.Host.Bench;

/// <summary>
/// `bench e2e`'s MQTT subscriber: stamps each pose event on arrival with the wall clock and keeps arrival − the
/// event's time_ms (the frame's time painted in its pixels). Connects before the pipeline starts, so an
/// unreachable broker is reported before anything is measured.
/// </summary>
internal sealed class E2eSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Lock _lock = new();
    private readonly List<double> _latency = [];
    private readonly List<double> _arrival = [];
    private long _first;

    private E2eSubscriber(IMqttClient client)
    {
        _client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            long ticks = Stopwatch.GetTimestamp();
            if (TimeOf(e.ApplicationMessage.Payload) is { } sent)
            {
                lock (_lock)
                {
                    if (_first == 0)
                    {
                        _first = ticks;
                    }

                    _latency.Add(now - sent);
                    _arrival.Add(Stopwatch.GetElapsedTime(_first, ticks).TotalSeconds);
                }
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Connects to <paramref name="broker"/> and subscribes to <paramref name="filter"/>; an unreachable broker is an <see cref="InputException"/> naming it.</summary>
    public static async Task<E2eSubscriber> ConnectAsync(MqttBrokerAddress broker, string filter, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new E2eSubscriber(client);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("edgepose-bench-e2e-" + Environment.ProcessId)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (broker.UseTls)
        {
            builder = builder.WithTlsOptions(t => t.UseTls());
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var result = await client.ConnectAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InputException($"broker {broker} refused the benchmark's subscriber: {result.ResultCode}");
            }

            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtMostOnce).Build(), timeout.Token).ConfigureAwait(false);
            return subscriber;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException && !ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new InputException($"broker {broker} is unreachable: {(e is OperationCanceledException ? "no answer within 5 s" : e.Message)}");
        }
    }

    /// <summary>The latencies so far, with their arrival seconds from the first event.</summary>
    public (double[] Latency, double[] Arrival) Snapshot()
    {
        lock (_lock)
        {
            return ([.. _latency], [.. _arrival]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
        }

        _client.Dispose();
    }

    /// <summary>The event's time_ms (the frame's time), or null for a message that is not a pose event.</summary>
    private static long? TimeOf(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("time_ms"u8))
                {
                    return reader.Read() && reader.TryGetInt64(out var t) ? t : null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
