namespace EdgePose.Core.Evaluation;

/// <summary>One number of an evaluation report, e.g. ("keypoints", "AP", 0.2775) or ("time_ms", "inference", 98.1).</summary>
public sealed record NamedMetric(string Group, string Name, double Value)
{
    public string Key => Group + " " + Name;
}
