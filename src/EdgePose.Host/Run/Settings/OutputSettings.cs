namespace EdgePose.Host.Run.Settings;

/// <summary>Where results go (section "Outputs"); none set: only the status line and the summary.</summary>
public sealed class OutputSettings
{
    /// <summary>JSON Lines of pose events: a file, or "-" for stdout.</summary>
    public string? Jsonl { get; set; }

    /// <summary>Annotated video per source: a path pattern with {source}, e.g. runs/run/{source}.mp4.</summary>
    public string? Video { get; set; }

    /// <summary>Frames with no person in the event outputs: always, skip, or heartbeat:N (one every N seconds per source).</summary>
    public string EmptyFrames { get; set; } = "heartbeat:1";

    /// <summary>The model's id in events (default: the model file's name without extension).</summary>
    public string? ModelId { get; set; }

    public PreviewSettings Preview { get; set; } = new();

    public MqttSettings Mqtt { get; set; } = new();
}
