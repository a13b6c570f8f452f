namespace EdgePose.Host.Val;

/// <summary>The files a val run writes into its output folder.</summary>
public sealed record ValOutputFiles(string Folder)
{
    /// <summary>Detections in COCO results format (Ultralytics' name for it).</summary>
    public string Results => Path.Combine(Folder, "predictions.json");

    public string Metrics => Path.Combine(Folder, "metrics.json");

    public string Summary => Path.Combine(Folder, "summary.md");

    public string PrecisionRecallPlot => Path.Combine(Folder, "pr_keypoints.png");

    public string KeypointErrorPlot => Path.Combine(Folder, "keypoint_errors.png");
}
