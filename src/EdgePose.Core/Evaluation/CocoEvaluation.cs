namespace EdgePose.Core.Evaluation;

/// <summary>
/// The outcome of one COCO evaluation (pycocotools' accumulate + summarize): the summary numbers, and the
/// arrays behind them for plots and comparisons. Indices: t threshold, r recall point, k evaluated category,
/// a area range, m max-detections setting, all in the order of <see cref="Parameters"/> and <see cref="CategoryIds"/>.
/// Precision and recall are −1 where a setting has no ground truth, as in pycocotools.
/// </summary>
public sealed class CocoEvaluation
{
    private readonly double[] _precision;
    private readonly double[] _scores;
    private readonly double[] _recall;
    private readonly int _t;
    private readonly int _r;
    private readonly int _a;
    private readonly int _m;

    internal CocoEvaluation(
        CocoEvaluationParameters parameters,
        int[] categoryIds,
        double[] precision,
        double[] scores,
        double[] recall,
        int detectionCount,
        KeypointErrors? keypointErrors)
    {
        Parameters = parameters;
        CategoryIds = categoryIds;
        _precision = precision;
        _scores = scores;
        _recall = recall;
        _t = parameters.IouThresholds.Count;
        _r = parameters.RecallThresholds.Count;
        _a = parameters.AreaRanges.Count;
        _m = parameters.MaxDetections.Count;
        DetectionCount = detectionCount;
        KeypointErrors = keypointErrors;
        Stats = CocoSummary.Compute(this);
    }

    public CocoEvaluationParameters Parameters { get; }

    public CocoEvaluationKind Kind => Parameters.Kind;

    /// <summary>The categories evaluated (keypoint evaluation: those that name keypoints), ascending.</summary>
    public IReadOnlyList<int> CategoryIds { get; }

    /// <summary>Detections of the evaluated categories that were handed in (before the per-image limit).</summary>
    public int DetectionCount { get; }

    /// <summary>The 10 keypoint numbers (AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl) or 12 box numbers.</summary>
    public IReadOnlyList<CocoStat> Stats { get; }

    /// <summary>Per-keypoint errors of the matched detections; null for box evaluation.</summary>
    public KeypointErrors? KeypointErrors { get; }

    /// <summary>The summary number called <paramref name="name"/> (AP, AP50, ..., as in <see cref="Stats"/>).</summary>
    public double this[string name] =>
        Stats.FirstOrDefault(s => s.Name == name)?.Value
        ?? throw new KeyNotFoundException($"no COCO summary number '{name}' (have {string.Join(", ", Stats.Select(s => s.Name))})");

    /// <summary>pycocotools' printed summary, one line per number.</summary>
    public IEnumerable<string> SummaryLines => Stats.Select(s => s.ToSummaryLine());

    /// <summary>Interpolated precision at one threshold, recall point, category, area range and max-detections setting.</summary>
    public double Precision(int t, int r, int k = 0, int a = 0, int m = -1) => _precision[PrecisionIndex(t, k, a, m) + CheckedIndex(r, _r, "recall point")];

    /// <summary>The precision–recall curve of one threshold: one precision per recall point of <see cref="CocoEvaluationParameters.RecallThresholds"/>.</summary>
    public ReadOnlySpan<double> PrecisionCurve(int t, int k = 0, int a = 0, int m = -1) => _precision.AsSpan(PrecisionIndex(t, k, a, m), _r);

    /// <summary>The detection score at which each recall point of the curve is reached (0 beyond the highest recall).</summary>
    public ReadOnlySpan<double> ScoreCurve(int t, int k = 0, int a = 0, int m = -1) => _scores.AsSpan(PrecisionIndex(t, k, a, m), _r);

    /// <summary>Highest recall reached at one threshold (m = −1: the largest max-detections setting).</summary>
    public double Recall(int t, int k = 0, int a = 0, int m = -1) => _recall[RecallIndex(k, a, m) + CheckedIndex(t, _t, "threshold")];

    /// <summary>Recall at every threshold for one category, area range and max-detections setting.</summary>
    public ReadOnlySpan<double> RecallPerThreshold(int k = 0, int a = 0, int m = -1) => _recall.AsSpan(RecallIndex(k, a, m), _t);

    internal static int Layout(int k, int a, int m, int areaCount, int maxDetCount) => (((k * areaCount) + a) * maxDetCount) + m;

    private int PrecisionIndex(int t, int k, int a, int m) => (RecallIndex(k, a, m) + CheckedIndex(t, _t, "threshold")) * _r;

    private int RecallIndex(int k, int a, int m)
    {
        if (m < 0)
        {
            m = _m - 1;
        }

        CheckedIndex(k, CategoryIds.Count, "category");
        CheckedIndex(a, _a, "area range");
        CheckedIndex(m, _m, "max-detections setting");
        return Layout(k, a, m, _a, _m) * _t;
    }

    private static int CheckedIndex(int i, int count, string what)
    {
        if ((uint)i >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(what, i, $"{what} index outside 0..{count - 1}");
        }

        return i;
    }
}
