using EdgePose.Core.Coco;
using EdgePose.Core.Evaluation;
using EdgePose.Data.Val;

namespace EdgePose.Host.Val;

/// <summary>The outcome of evaluating one model on one validation set.</summary>
public sealed record ValResult
{
    /// <summary>PCK thresholds reported (fractions of the ground-truth box's longer side).</summary>
    public static readonly double[] PckAlphas = [0.05, 0.1];

    public required string Model { get; init; }

    /// <summary>The engine and its settings, as the engine describes itself.</summary>
    public required string Engine { get; init; }

    public required int InputWidth { get; init; }

    public required int InputHeight { get; init; }

    public required ValData Data { get; init; }

    public required ValOptions Options { get; init; }

    /// <summary>The COCO results, as written to the results json (rounded as Ultralytics does).</summary>
    public required IReadOnlyList<CocoDetection> Results { get; init; }

    public required CocoEvaluation Keypoints { get; init; }

    public required CocoEvaluation Boxes { get; init; }

    public required IReadOnlyList<PckResult> Pck { get; init; }

    public required ValTimings Timings { get; init; }

    /// <summary>Images that could not be read or run, each with its reason; they count as images with no detections.</summary>
    public IReadOnlyList<string> FailedImages { get; init; } = [];

    /// <summary>Every number of the run in a fixed order: the 10 keypoint and 12 box numbers (NaN where undefined), PCK, detections and times per image.</summary>
    public IReadOnlyList<NamedMetric> Metrics()
    {
        var m = new List<NamedMetric>();
        m.AddRange(Keypoints.Stats.Select(s => new NamedMetric("keypoints", s.Name, Defined(s.Value))));
        m.AddRange(Boxes.Stats.Select(s => new NamedMetric("bbox", s.Name, Defined(s.Value))));
        m.AddRange(Pck.Select(p => new NamedMetric("pck", Alpha(p.Alpha), p.Pck)));
        m.Add(new NamedMetric("count", "detections", Results.Count));
        m.Add(new NamedMetric("time_ms", "preprocess", Timings.PreprocessMs));
        m.Add(new NamedMetric("time_ms", "inference", Timings.InferenceMs));
        m.Add(new NamedMetric("time_ms", "postprocess", Timings.PostprocessMs));
        m.Add(new NamedMetric("time_ms", "per_image", Timings.PerImageMs));
        return m;
    }

    /// <summary>pycocotools' −1 (nothing to average) as NaN.</summary>
    private static double Defined(double v) => v < 0 ? double.NaN : v;

    public static string Alpha(double alpha) => "PCK@" + alpha.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);
}
