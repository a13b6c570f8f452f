using System.Globalization;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// One summary number of a COCO evaluation (AP, AP50, ..., ARl): its name, what it averages over and its value,
/// −1 where it is undefined (no ground truth to recall), as pycocotools reports it.
/// </summary>
/// <param name="Name">Short name as Ultralytics and stats.json write it: AP, AP50, AP75, APm, AR10, ...</param>
/// <param name="IsPrecision">Average precision (true) or average recall (false).</param>
/// <param name="IouLabel">"0.50:0.95" for the mean over all thresholds, else the one threshold ("0.50").</param>
/// <param name="Area">The area range's label.</param>
/// <param name="MaxDetections">Detections kept per image.</param>
/// <param name="Value">The number.</param>
public sealed record CocoStat(string Name, bool IsPrecision, string IouLabel, string Area, int MaxDetections, double Value)
{
    /// <summary>The line pycocotools' summarize() prints for this number.</summary>
    public string ToSummaryLine() => string.Format(
        CultureInfo.InvariantCulture,
        " {0,-18} {1} @[ IoU={2,-9} | area={3,6} | maxDets={4,3} ] = {5:F3}",
        IsPrecision ? "Average Precision" : "Average Recall",
        IsPrecision ? "(AP)" : "(AR)",
        IouLabel,
        Area,
        MaxDetections,
        Value);
}
