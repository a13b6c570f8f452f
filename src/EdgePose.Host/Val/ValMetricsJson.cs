using System.Text.Json;
using EdgePose.Core.Evaluation;

namespace EdgePose.Host.Val;

/// <summary>
/// The metrics json of a val run: model, engine, data and settings, the 10 keypoint and 12 box numbers
/// (pycocotools' order and names), PCK, per-keypoint errors and timings. Undefined numbers are null.
/// </summary>
public static class ValMetricsJson
{
    public static void Write(Utf8JsonWriter w, ValResult r)
    {
        w.WriteStartObject();
        w.WriteString("model", r.Model);
        w.WriteString("engine", r.Engine);
        w.WriteString("input", $"{r.InputWidth}x{r.InputHeight}");
        w.WriteStartObject("data");
        w.WriteString("source", r.Data.Source);
        w.WriteString("format", r.Data.Format);
        w.WriteNumber("images", r.Data.Images.Count);
        w.WriteNumber("annotations", r.Data.GroundTruth.AnnotationCount);
        w.WriteNumber("keypoint_instances", r.Data.KeypointInstances);
        w.WriteStartArray("notes");
        foreach (var n in r.Data.Notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("settings");
        w.WriteNumber("conf", r.Options.Decode.Confidence);
        w.WriteNumber("iou", r.Options.Decode.Iou);
        w.WriteNumber("max_det", r.Options.Decode.MaxDetections);
        w.WriteBoolean("multi_label", r.Options.Decode.MultiLabel);
        w.WriteNumber("imgsz", r.InputWidth);
        w.WriteNumber("threads", r.Options.Engine.Threads);
        w.WriteBoolean("flip", r.Options.Flip);
        w.WriteEndObject();
        w.WriteNumber("detections", r.Results.Count);
        Stats(w, "keypoints", r.Keypoints);
        Stats(w, "bbox", r.Boxes);
        w.WriteStartObject("pck");
        foreach (var p in r.Pck)
        {
            w.WriteStartObject(ValResult.Alpha(p.Alpha));
            w.WriteNumber("alpha", p.Alpha);
            w.WriteNumber("pck", p.Pck);
            w.WriteNumber("pooled", p.PooledPck);
            w.WriteNumber("with_misses", p.PckWithMisses);
            w.WriteNumber("instances", p.Instances);
            w.WriteNumber("matched_instances", p.MatchedInstances);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        PerKeypoint(w, r);
        Timings(w, r.Timings);
        w.WriteEndObject();
    }

    private static void Stats(Utf8JsonWriter w, string name, CocoEvaluation e)
    {
        w.WriteStartObject(name);
        foreach (var s in e.Stats)
        {
            w.WriteMetric(s.Name, s.Value < 0 ? double.NaN : s.Value);
        }

        w.WriteEndObject();
    }

    private static void PerKeypoint(Utf8JsonWriter w, ValResult r)
    {
        var errors = r.Keypoints.KeypointErrors!;
        var px = errors.MeanPixelDistance;
        var norm = errors.MeanNormalizedDistance;
        var oks = errors.MeanSimilarity;
        w.WriteStartArray("per_keypoint");
        for (int k = 0; k < errors.KeypointCount; k++)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Data.Meta.KeypointNames[k]);
            w.WriteNumber("matched_labelled", errors.Counts[k]);
            w.WriteMetric("mean_error_px", px[k]);
            w.WriteMetric("mean_error_per_sqrt_area", norm[k]);
            w.WriteMetric("mean_oks_term", oks[k]);
            foreach (var p in r.Pck)
            {
                w.WriteMetric(ValResult.Alpha(p.Alpha), p.PerKeypoint[k] < 0 ? double.NaN : p.PerKeypoint[k]);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Timings(Utf8JsonWriter w, ValTimings t)
    {
        w.WriteStartObject("timings");
        w.WriteNumber("images", t.Images);
        w.WriteStartObject("per_image_ms");
        w.WriteNumber("read", t.ReadMs);
        w.WriteNumber("preprocess", t.PreprocessMs);
        w.WriteNumber("inference", t.InferenceMs);
        w.WriteNumber("postprocess", t.PostprocessMs);
        w.WriteNumber("total", t.PerImageMs);
        w.WriteEndObject();
        w.WriteNumber("model_load_ms", t.ModelLoad.TotalMilliseconds);
        w.WriteNumber("evaluation_ms", t.Evaluation.TotalMilliseconds);
        w.WriteNumber("wall_s", t.Wall.TotalSeconds);
        w.WriteEndObject();
    }
}
