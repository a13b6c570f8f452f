namespace EdgePose.Host.Run.Settings;

/// <summary>Person tracking (section "Tracking"): ByteTrack per source, ids in events as persons[].track.</summary>
public sealed class TrackingSettings
{
    public bool Enabled { get; set; }

    /// <summary>An Ultralytics bytetrack.yaml-style file; empty: Ultralytics' defaults.</summary>
    public string? Config { get; set; }
}
