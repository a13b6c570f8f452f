namespace EdgePose.Host.Run.Settings;

/// <summary>MQTT output (section "Outputs:Mqtt"); docs/events.md. Secrets come from the file or the environment, never from the command line.</summary>
public sealed class MqttSettings
{
    /// <summary>mqtt://host:1883 or mqtts://host:8883; empty: no MQTT.</summary>
    public string? Broker { get; set; }

    /// <summary>Topics are {TopicPrefix}/{device}/{source}/poses.</summary>
    public string TopicPrefix { get; set; } = "edgepose";

    /// <summary>Quality of service 0, 1 or 2.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>MQTT 5 (true) or 3.1.1 (false).</summary>
    public bool Mqtt5 { get; set; } = true;

    public string? ClientId { get; set; }

    public string? Username { get; set; }

    /// <summary>Set it through EDGEPOSE__Outputs__Mqtt__Password or the config file, or use PasswordFile.</summary>
    public string? Password { get; set; }

    /// <summary>A file whose first line is the password (e.g. a systemd credential).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>mqtts://: PEM file of the CA certificate(s) the broker's certificate must chain to; null: the system's trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>mqtts://: PEM file of this client's certificate (with its key, or give KeyFile); null: none.</summary>
    public string? CertFile { get; set; }

    /// <summary>mqtts://: PEM file of the client certificate's unencrypted private key.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Events queued while the broker is unreachable, at most.</summary>
    public int QueueMaxCount { get; set; } = 10_000;

    /// <summary>Keep undelivered QoS 1/2 events on disk across a restart (docs/events.md, "Spool"), in SpoolDirectory.</summary>
    public bool Spool { get; set; }

    /// <summary>The spool's folder (setting it turns the spool on); default spool/mqtt under the state folder, /var/lib/edgepose for the service.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>Bytes the spool may take on disk; the oldest events are dropped (counted, logged) beyond.</summary>
    public long SpoolMaxBytes { get; set; } = Sinks.Mqtt.MqttSinkOptions.DefaultSpoolMaxBytes;

    /// <summary>True when the spool is on.</summary>
    internal bool SpoolEnabled => Spool || SpoolDirectory is not null;
}
