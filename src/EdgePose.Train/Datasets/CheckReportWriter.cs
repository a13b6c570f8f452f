using EdgePose.Core.Datasets.Checks;
using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Train.Datasets;

/// <summary>Prints a check report: one line per finding ("file:line: error: ..."), then the summary.</summary>
public static class CheckReportWriter
{
    public static void Write(TextWriter o, DatasetCheckReport report, DataYaml yaml, string root)
    {
        foreach (var f in report.Findings)
        {
            o.WriteLine(f.ToString());
        }

        var s = report.Summary;
        o.WriteLine($"data set: {root}");
        o.WriteLine($"images: {s.Images} ({string.Join(", ", s.ImagesPerSplit.Select(p => $"{p.Key} {p.Value}"))}); label files: {s.LabelFiles}; background images: {s.BackgroundImages}");
        foreach (var (cls, n) in s.InstancesPerClass)
        {
            var name = cls < yaml.Names.Count ? yaml.Names[cls] : "?";
            o.WriteLine($"class {cls} '{name}': {n} instances, {s.LabelledKeypointsPerClass.GetValueOrDefault(cls)} labelled keypoints");
        }

        if (s.LabelledPerKeypoint.Length > 0)
        {
            o.WriteLine("labelled per keypoint: " + string.Join(", ", s.KeypointNames.Select((n, i) => $"{n} {s.LabelledPerKeypoint[i]}")));
        }

        o.WriteLine($"visibility: v=0 {s.VisibilityHistogram[0]}, v=1 {s.VisibilityHistogram[1]}, v=2 {s.VisibilityHistogram[2]}");
        o.WriteLine($"result: {report.Errors} error(s), {report.Warnings} warning(s)");
    }
}
