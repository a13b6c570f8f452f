namespace EdgePose.Host.Run.Settings;

/// <summary>
/// Everything `edgepose run` is configured with: one JSON file (--config), then EDGEPOSE__* environment variables
/// (EDGEPOSE__Model__Path, EDGEPOSE__Sources__0__Uri), then the command line, later ones winning. Validated at start
/// (<see cref="RunSettingsValidator"/>); an unknown key is an error naming it (<see cref="UnknownSettingKeys"/>).
/// See config/edgepose.example.jsonc.
/// </summary>
public sealed class RunSettings
{
    /// <summary>This device's id in events and topics (default: the host name).</summary>
    public string? DeviceId { get; set; }

    public ModelSettings Model { get; set; } = new();

    public List<SourceSettings> Sources { get; set; } = [];

    public PipelineSettings Pipeline { get; set; } = new();

    public ProcessingSettings Processing { get; set; } = new();

    public OutputSettings Outputs { get; set; } = new();

    public TrackingSettings Tracking { get; set; } = new();

    public HealthSettings Health { get; set; } = new();

    /// <summary>Seconds between status lines on stderr; 0 for none.</summary>
    public double StatusIntervalSeconds { get; set; } = 1;

    /// <summary>Stop after this many seconds (null: until the sources end or a signal).</summary>
    public double? DurationSeconds { get; set; }
}
