using System.Globalization;
using EdgePose.Host.Sinks.Mqtt;

namespace EdgePose.Host.Run;

/// <summary>
/// The MQTT output of the current run, for whoever reports on the service (the status line, systemd's STATUS=,
/// /metrics): connected or away, and how many events wait in the outbox and the spool. Empty when the run has no MQTT output.
/// </summary>
public sealed class BrokerStatus
{
    private volatile MqttPoseSink? _sink;

    /// <summary>Set by the pipeline service when a run opens its outputs (null when it has no MQTT output).</summary>
    public MqttPoseSink? Sink
    {
        get => _sink;
        set => _sink = value;
    }

    /// <summary>" | mqtt connected, 0 queued", or empty without an MQTT output.</summary>
    public string Describe() => _sink is { } s
        ? string.Create(CultureInfo.InvariantCulture, $" | mqtt {(s.IsConnected ? "connected" : "away")}, {s.Queued} queued")
        : string.Empty;
}
