using System.Text.Json;
using EdgePose.Core.Coco;

namespace EdgePose.Host.Val;

/// <summary>Writes everything a val run produces into its folder (<see cref="ValOutputFiles"/>).</summary>
public static class ValOutputs
{
    public static ValOutputFiles Write(ValResult r, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new ValOutputFiles(folder);
        File.WriteAllText(files.Results, CocoJson.Serialize(r.Results));
        using (var stream = new FileStream(files.Metrics, FileMode.Create, FileAccess.Write))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            ValMetricsJson.Write(w, r);
        }

        ValPlots.WritePrecisionRecall(r, files.PrecisionRecallPlot);
        ValPlots.WriteKeypointErrors(r, files.KeypointErrorPlot);
        File.WriteAllText(files.Summary, ValSummaryMarkdown.Document(r, files));
        return files;
    }
}
