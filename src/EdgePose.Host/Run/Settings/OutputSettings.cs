namespace EdgePose.Host.Run.Settings;

/// <summary>Where results go (section "Outputs"); none set: only the status line and the summary.</summary>
public sealed class OutputSettings
{
    /// <summary>JSON Lines of pose events: a file, or "-" for stdout.</summary>
    public string? Jsonl { get; set; }

    /// <summary>Annotated video per source: a path pattern with {source}, e.g. runs/run/{source}.mp4.</summary>
    public string? Video { get; set; }

    public PreviewSettings Preview { get; set; } = new();
}
