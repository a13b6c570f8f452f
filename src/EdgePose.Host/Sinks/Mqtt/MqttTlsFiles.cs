namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// The PEM files of an mqtts:// connection, each optional: <paramref name="CaFile"/> the certificate(s) the broker's
/// certificate must chain to (null: the system's trust store); <paramref name="CertFile"/> and
/// <paramref name="KeyFile"/> the client certificate and its unencrypted private key (the key may also sit in
/// <paramref name="CertFile"/>; null: no client certificate). Read by <see cref="MqttTls.Load"/> before connecting.
/// </summary>
public sealed record MqttTlsFiles(string? CaFile = null, string? CertFile = null, string? KeyFile = null)
{
    public bool IsEmpty => CaFile is null && CertFile is null && KeyFile is null;
}
