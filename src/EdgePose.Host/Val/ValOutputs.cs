using System.Text.Json;
using EdgePose.Cli.Files;
using EdgePose.Core.Coco;

namespace EdgePose.Host.Val;

/// <summary>Writes everything a val run produces into its folder (<see cref="ValOutputFiles"/>), each file under a temporary name renamed when complete.</summary>
public static class ValOutputs
{
    public static ValOutputFiles Write(ValResult r, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new ValOutputFiles(folder);
        AtomicFile.WriteAllText(files.Results, CocoJson.Serialize(r.Results));
        AtomicFile.WriteStream(files.Metrics, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            ValMetricsJson.Write(w, r);
        });
        AtomicFile.Write(files.PrecisionRecallPlot, temp => ValPlots.WritePrecisionRecall(r, temp));
        AtomicFile.Write(files.KeypointErrorPlot, temp => ValPlots.WriteKeypointErrors(r, temp));
        AtomicFile.WriteAllText(files.Summary, ValSummaryMarkdown.Document(r, files));
        return files;
    }
}
