using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EdgePose.Cli;
using EdgePose.Core.Errors;
using EdgePose.Host.Sinks.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgePose.Host.Events;

/// <summary>
/// `edgepose events`: subscribes to pose events (and the retained status) on a broker and writes each message as
/// one JSON line, to stdout or a file, until a count, a duration or Ctrl+C. Messages go from MQTTnet's receive
/// callback through a bounded channel to one writer, so a slow disk or terminal never stalls the connection for
/// long; a payload that is not JSON is written as a JSON string, so every line stays valid JSON.
/// </summary>
public static class EventsSubscriber
{
    public static async Task<int> RunAsync(EventsRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var tls = request.Broker.UseTls ? MqttTls.Load(request.Tls) : null;
        TextWriter output = stdout;
        StreamWriter? file = null;
        if (request.OutputFile is { } path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                throw new InputException($"cannot write '{path}': folder '{folder}' does not exist");
            }

            file = new StreamWriter(path, append: true, new UTF8Encoding(false));
            output = file;
        }

        var lines = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            lines.Writer.TryWrite(Line(e.ApplicationMessage, request.WithTopic));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(request.Broker.Host, request.Broker.Port)
            .WithClientId("edgepose-events-" + Environment.ProcessId)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (request.Username is not null)
        {
            options = options.WithCredentials(request.Username, request.Password);
        }

        if (tls is not null)
        {
            options = options.WithTlsOptions(tls.Options(request.Broker.Host));
        }

        using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connect.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var result = await client.ConnectAsync(options.Build(), connect.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InputException($"broker {request.Broker} refused the connection: {result.ResultCode}");
            }

            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var topic in request.Topics)
            {
                subscribe = subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
            }

            await client.SubscribeAsync(subscribe.Build(), connect.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new InputException($"broker {request.Broker} is unreachable: {tls?.Explain(e) ?? (e is OperationCanceledException ? "no answer within 5 s" : e.Message)}");
        }

        await stderr.WriteLineAsync($"subscribed to {string.Join(", ", request.Topics)} on {request.Broker}").ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (request.Duration is { } d)
        {
            stop.CancelAfter(d);
        }

        long written = 0;
        try
        {
            while (request.Count is not { } n || written < n)
            {
                var line = await lines.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                await output.WriteLineAsync(line).ConfigureAwait(false);
                written++;
                if (!lines.Reader.TryPeek(out _))
                {
                    await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The duration is over.
        }
        finally
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            if (client.IsConnected)
            {
                using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await client.DisconnectAsync(cancellationToken: bye.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
                {
                }
            }
        }

        await stderr.WriteLineAsync($"{written} message(s)").ConfigureAwait(false);
        return ct.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Ok;
    }

    /// <summary>The message as one line: the payload itself when it is one JSON value, else (or with the topic) wrapped.</summary>
    internal static string Line(MqttApplicationMessage m, bool withTopic)
    {
        var payload = m.Payload;
        bool isJson = IsJson(payload);
        if (!withTopic && isJson)
        {
            return Encoding.UTF8.GetString(payload).ReplaceLineEndings(" ");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("topic", m.Topic);
            w.WriteBoolean("retained", m.Retain);
            w.WriteNumber("received_ms", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            w.WritePropertyName("payload");
            if (isJson)
            {
                using var doc = JsonDocument.Parse(payload);
                doc.WriteTo(w);
            }
            else
            {
                w.WriteStringValue(Encoding.UTF8.GetString(payload));
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsJson(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(payload);
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
