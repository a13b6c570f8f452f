using EdgePose.Host.Sinks.Mqtt;

namespace EdgePose.Host.Events;

/// <summary>What `edgepose events` was asked: where the broker is, what to subscribe to, and when to stop.</summary>
public sealed record EventsRequest(MqttBrokerAddress Broker, IReadOnlyList<string> Topics)
{
    public MqttTlsFiles Tls { get; init; } = new();

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Write the messages here (JSON Lines) instead of stdout.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Stop after this many messages.</summary>
    public long? Count { get; init; }

    /// <summary>Stop after this long.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Wrap each message as {"topic":…,"retained":…,"received_ms":…,"payload":…} instead of printing the payload alone.</summary>
    public bool WithTopic { get; init; }
}
