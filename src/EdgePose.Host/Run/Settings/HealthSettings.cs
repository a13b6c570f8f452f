namespace EdgePose.Host.Run.Settings;

/// <summary>/healthz and /metrics (Prometheus text) over HTTP; off unless a port is set.</summary>
public sealed class HealthSettings
{
    /// <summary>TCP port on <see cref="Bind"/>; 0 picks a free one; null (default) serves nothing.</summary>
    public int? Port { get; set; }

    /// <summary>Address to listen on: loopback by default, so that only this machine (and its Prometheus agent) sees it.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>How long a source may be away (connecting, stalled, reconnecting) before /healthz reports the service unhealthy.</summary>
    public double SourceGraceSeconds { get; set; } = 30;
}
