using EdgePose.Core.Errors;
using EdgePose.Core.Events;

namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// Settings of the MQTT output (issue 11). Secrets are given here as values: the host reads them from a file or
/// the environment, never from the command line, and they are never logged.
/// </summary>
/// <param name="Broker">Where the broker is.</param>
/// <param name="Events">Device and model ids (the device is also a topic level) and the empty-frame policy.</param>
public sealed record MqttSinkOptions(MqttBrokerAddress Broker, PoseEventOptions Events)
{
    /// <summary>First topic level: events go to {prefix}/{device}/{source}/poses, the status to {prefix}/{device}/status.</summary>
    public string TopicPrefix { get; init; } = "edgepose";

    /// <summary>0 at most once, 1 at least once (default), 2 exactly once.</summary>
    public int QualityOfService { get; init; } = 1;

    /// <summary>MQTT 5 (content type, message expiry, schema user property) or 3.1.1.</summary>
    public bool Mqtt5 { get; init; } = true;

    /// <summary>The client id; default "edgepose-{device}".</summary>
    public string? ClientId { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Start each connection with a clean session (true) or resume the broker's persistent one.</summary>
    public bool CleanSession { get; init; } = true;

    public string? Username { get; init; }

    /// <summary>TLS files of an mqtts:// broker (CA, client certificate and key); null: the system's trust store, no client certificate.</summary>
    public MqttTlsFiles? Tls { get; init; }

    /// <summary>The password (read by the host from a file or the environment; never logged).</summary>
    public string? Password { get; init; }

    /// <summary>Events held while the broker is unreachable, at most (the oldest are dropped, counted).</summary>
    public int QueueMaxCount { get; init; } = 10_000;

    /// <summary>Payload bytes held while the broker is unreachable, at most.</summary>
    public long QueueMaxBytes { get; init; } = 64L << 20;

    /// <summary>
    /// A folder for the on-disk spool (null: none): events the broker has not acknowledged while it is away, and at
    /// the end, are kept there and sent first at the next start. QoS 1 or 2 only.
    /// </summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>Bytes the spool may take on disk; the oldest events are dropped (counted, logged) beyond.</summary>
    public long SpoolMaxBytes { get; init; } = DefaultSpoolMaxBytes;

    public const long DefaultSpoolMaxBytes = 128L << 20;

    /// <summary>MQTT 5 message expiry of events (null: none): a consumer offline longer does not get stale poses.</summary>
    public TimeSpan? MessageExpiry { get; init; }

    /// <summary>First reconnect delay, doubled per failed try up to <see cref="ReconnectMaxDelay"/>, with ±20 % jitter.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one connect or publish may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long completion waits for queued events to reach the broker before the rest are counted as lost.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>This, or an error naming the bad setting.</summary>
    public MqttSinkOptions Validated()
    {
        Events.Validated();
        if (QualityOfService is < 0 or > 2)
        {
            throw new InputException($"MQTT QoS {QualityOfService} is not 0, 1 or 2");
        }

        if (string.IsNullOrWhiteSpace(TopicPrefix) || MqttTopics.HasWildcardOrEmptyLevel(TopicPrefix))
        {
            throw new InputException($"MQTT topic prefix '{TopicPrefix}' is empty or holds '+', '#' or an empty level");
        }

        if (Tls is { IsEmpty: false } && !Broker.UseTls)
        {
            throw new InputException($"MQTT TLS files are given but the broker address {Broker} is not mqtts://");
        }

        if (QueueMaxCount < 1 || QueueMaxBytes < 1)
        {
            throw new InputException("MQTT offline queue bounds must be at least 1 event and 1 byte");
        }

        if (SpoolDirectory is not null && QualityOfService == 0)
        {
            throw new InputException("MQTT spool needs QoS 1 or 2 (QoS 0 events are sent at most once and never kept)");
        }

        if (SpoolDirectory is not null && SpoolMaxBytes < Core.Events.Spool.SpoolSegments.MinSegmentBytes)
        {
            throw new InputException($"MQTT spool size {SpoolMaxBytes} bytes is below the smallest, {Core.Events.Spool.SpoolSegments.MinSegmentBytes}");
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue))
        {
            throw new InputException("MQTT keepalive must be between 0 and 65535 s");
        }

        if (ReconnectDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectDelay || Timeout <= TimeSpan.Zero)
        {
            throw new InputException("MQTT reconnect delays and timeout must be more than 0 (and the maximum at least the first)");
        }

        return this;
    }
}
