using System.Globalization;
using System.Text;
using EdgePose.Core.Evaluation;

namespace EdgePose.Host.Val;

/// <summary>The Markdown summary of a val run; <see cref="Tables"/> is the part printed on stdout.</summary>
public static class ValSummaryMarkdown
{
    public static string Document(ValResult r, ValOutputFiles files)
    {
        var s = new StringBuilder();
        s.AppendLine("# edgepose val").AppendLine();
        s.AppendLine(Inv($"- model: `{r.Model}` ({r.Engine}; input {r.InputWidth}x{r.InputHeight})"));
        s.AppendLine(Inv($"- data: `{r.Data.Source}`, {r.Data.Format}: {r.Data.Images.Count} images, {r.Data.GroundTruth.AnnotationCount} annotations, {r.Data.KeypointInstances} with keypoints"));
        foreach (var note in r.Data.Notes)
        {
            s.AppendLine("- note: " + note);
        }

        if (r.FailedImages.Count > 0)
        {
            s.AppendLine(Inv($"- **{r.FailedImages.Count} images failed** and count as images with no detections: {string.Join("; ", r.FailedImages)}"));
        }

        s.AppendLine("- settings: " + Settings(r));
        s.AppendLine(Inv($"- detections: {r.Results.Count}")).AppendLine();
        s.Append(Tables(r));
        s.AppendLine().AppendLine("## PCK (box longer side)").AppendLine();
        s.AppendLine("| threshold | PCK (mean over keypoints) | pooled | unmatched objects counted wrong |");
        s.AppendLine("|---|---|---|---|");
        foreach (var p in r.Pck)
        {
            s.AppendLine(Inv($"| {ValResult.Alpha(p.Alpha)} | {p.Pck:F4} | {p.PooledPck:F4} | {p.PckWithMisses:F4} |"));
        }

        s.AppendLine().AppendLine("## Per-keypoint error (detections matched at OKS 0.50)").AppendLine();
        s.AppendLine("| keypoint | matched, labelled | mean error px | mean error / sqrt(area) | mean OKS term |");
        s.AppendLine("|---|---|---|---|---|");
        var e = r.Keypoints.KeypointErrors!;
        var px = e.MeanPixelDistance;
        var norm = e.MeanNormalizedDistance;
        var oks = e.MeanSimilarity;
        for (int k = 0; k < e.KeypointCount; k++)
        {
            s.AppendLine(Inv($"| {r.Data.Meta.KeypointNames[k]} | {e.Counts[k]} | {px[k]:F2} | {norm[k]:F4} | {oks[k]:F4} |"));
        }

        var t = r.Timings;
        s.AppendLine().AppendLine("## Time").AppendLine();
        s.AppendLine("| ms per image | read | preprocess | inference | postprocess | total (without read) |");
        s.AppendLine("|---|---|---|---|---|---|");
        s.AppendLine(Inv($"| mean of {t.Images} | {t.ReadMs:F2} | {t.PreprocessMs:F2} | {t.InferenceMs:F2} | {t.PostprocessMs:F2} | {t.PerImageMs:F2} |"));
        s.AppendLine().AppendLine(Inv($"Model load {t.ModelLoad.TotalMilliseconds:F0} ms, evaluation {t.Evaluation.TotalMilliseconds:F0} ms, whole run {t.Wall.TotalSeconds:F1} s."));
        s.AppendLine().AppendLine("## Plots").AppendLine();
        s.AppendLine($"![keypoint precision-recall per OKS threshold]({Path.GetFileName(files.PrecisionRecallPlot)})").AppendLine();
        s.AppendLine($"![per-keypoint error]({Path.GetFileName(files.KeypointErrorPlot)})");
        s.AppendLine().AppendLine($"Detections in COCO results format: `{Path.GetFileName(files.Results)}`; every number: `{Path.GetFileName(files.Metrics)}`.");
        return s.ToString();
    }

    /// <summary>The keypoint and box tables (pycocotools' numbers), with a heading each.</summary>
    public static string Tables(ValResult r)
    {
        var s = new StringBuilder();
        AppendStats(s, "Keypoints (OKS, maxDets 20)", r.Keypoints);
        s.AppendLine();
        AppendStats(s, "Boxes (IoU, maxDets 100)", r.Boxes);
        return s.ToString();
    }

    public static string Settings(ValResult r)
    {
        var d = r.Options.Decode;
        return Inv($"conf {d.Confidence}, iou {d.Iou}, max-det {d.MaxDetections}, {(d.MultiLabel ? "multi-label" : "best class")}, flip test {(r.Options.Flip ? "on" : "off")}");
    }

    private static void AppendStats(StringBuilder s, string title, CocoEvaluation e)
    {
        s.AppendLine("## " + title).AppendLine();
        s.AppendLine("| " + string.Join(" | ", e.Stats.Select(x => x.Name)) + " |");
        s.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", e.Stats.Count)));
        s.AppendLine("| " + string.Join(" | ", e.Stats.Select(x => Inv($"{x.Value:F4}"))) + " |");
    }

    private static string Inv(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
