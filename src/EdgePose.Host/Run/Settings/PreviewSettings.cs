namespace EdgePose.Host.Run.Settings;

/// <summary>The MJPEG preview page (section "Outputs:Preview").</summary>
public sealed class PreviewSettings
{
    public bool Enabled { get; set; }

    /// <summary>TCP port; 0 picks a free one (printed at start).</summary>
    public int Port { get; set; } = 8090;

    /// <summary>Address to listen on; 127.0.0.1 keeps it on this machine (use SSH port forwarding to watch from elsewhere).</summary>
    public string Bind { get; set; } = "127.0.0.1";
}
