namespace EdgePose.Core.Evaluation;

/// <summary>
/// pycocotools' computeOks / computeIoU and evaluateImg for one image and category: sorts the detections
/// (stable, best score first), keeps the largest max-detections, fills the similarity matrix, then per area
/// range flags the ignored ground truths, matches and records the outcomes. Buffers grow once and are reused.
/// </summary>
internal sealed class CocoImageEvaluator
{
    private readonly CocoGroundTruth _gt;
    private readonly CocoDetectionSet _dt;
    private readonly CocoEvaluationParameters _p;
    private readonly CocoImageResults _results;
    private readonly KeypointErrors? _errors;
    private readonly bool _keypoints;
    private readonly double[] _variances;
    private readonly double[] _thresholds;
    private readonly double[] _dtScores;
    private readonly int _maxDet;
    private readonly int _errorArea;
    private int[] _order = [];
    private double[] _sortedScores = [];
    private double[] _similarity = [];
    private bool[] _baseIgnore = [];
    private bool[] _ignored = [];
    private bool[] _crowd = [];
    private int[] _columns = [];
    private bool[] _taken = [];
    private bool[] _outside = [];
    private int[] _matched = [];
    private MatchOutcome[] _outcomes = [];
    private readonly double[] _scratch;

    public CocoImageEvaluator(CocoDetectionSet detections, CocoEvaluationParameters parameters, double[] variances, CocoImageResults results, KeypointErrors? errors)
    {
        _gt = detections.GroundTruth;
        _dt = detections;
        _p = parameters;
        _results = results;
        _errors = errors;
        _keypoints = parameters.Kind == CocoEvaluationKind.Keypoints;
        _variances = variances;
        _thresholds = [.. parameters.IouThresholds];
        _dtScores = detections.Scores.ToArray();
        _maxDet = parameters.MaxDetections[^1];
        _scratch = new double[Math.Max(1, variances.Length)];
        _errorArea = Math.Max(0, parameters.AreaRanges.ToList().FindIndex(r => r.Label == AreaRange.All.Label));
    }

    /// <summary>Evaluates evaluated-category k (ground-truth category index <paramref name="category"/>) on one image.</summary>
    /// <param name="detections">The image's detections of the category, in the order they were added.</param>
    public void Evaluate(int k, int category, int image, ReadOnlySpan<int> detections)
    {
        var (g0, g) = _gt.AnnotationsOf(image, category);
        if (g == 0 && detections.IsEmpty)
        {
            return;
        }

        Ensure(detections.Length, g);
        var order = _order.AsSpan(0, detections.Length);
        detections.CopyTo(order);
        order.Sort(new ScoreDescending(_dtScores));
        int d = Math.Min(order.Length, _maxDet);
        order = order[..d];
        var scores = _sortedScores.AsSpan(0, d);
        for (int i = 0; i < d; i++)
        {
            scores[i] = _dtScores[order[i]];
        }

        var similarity = _similarity.AsSpan(0, d * g);
        FillSimilarity(order, g0, g, similarity);

        int record = _results.AddRecord(k, scores);
        var baseIgnore = _baseIgnore.AsSpan(0, g);
        for (int j = 0; j < g; j++)
        {
            int a = g0 + j;
            baseIgnore[j] = _gt.IsCrowd[a] || (_keypoints && _gt.NumKeypoints[a] == 0);
        }

        var areas = _dt.Areas;
        for (int ai = 0; ai < _p.AreaRanges.Count; ai++)
        {
            var range = _p.AreaRanges[ai];

            // Visiting order: counted ground truths first, ignored ones after, each in file order.
            int n = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int j = 0; j < g; j++)
                {
                    bool ignore = baseIgnore[j] || range.Excludes(_gt.Areas[g0 + j]);
                    if (ignore == (pass == 1))
                    {
                        _columns[n] = j;
                        _ignored[n] = ignore;
                        _crowd[n] = _gt.IsCrowd[g0 + j];
                        n++;
                    }
                }

                if (pass == 0)
                {
                    _results.SetNonIgnored(record, ai, n);
                }
            }

            for (int i = 0; i < d; i++)
            {
                _outside[i] = range.Excludes(areas[order[i]]);
            }

            var matched = _matched.AsSpan(0, _thresholds.Length * d);
            var outcomes = _outcomes.AsSpan(0, _thresholds.Length * d);
            GreedyMatcher.Match(similarity, _columns.AsSpan(0, g), _ignored.AsSpan(0, g), _crowd.AsSpan(0, g), _outside.AsSpan(0, d), _thresholds, matched, outcomes, _taken);
            _results.SetOutcomes(record, ai, outcomes);

            if (_errors is not null && ai == _errorArea)
            {
                AddErrors(order, g0, matched[..d], outcomes[..d]);
            }
        }
    }

    private void FillSimilarity(ReadOnlySpan<int> order, int g0, int g, Span<double> similarity)
    {
        if (g == 0)
        {
            return;
        }

        int stride = _dt.KeypointStride;
        for (int i = 0; i < order.Length; i++)
        {
            int det = order[i];
            var row = similarity.Slice(i * g, g);
            if (_keypoints)
            {
                var dk = _dt.Keypoints.Slice(det * stride, stride);
                for (int j = 0; j < g; j++)
                {
                    int a = g0 + j;
                    row[j] = ObjectKeypointSimilarity.Compute(dk, _gt.Keypoints.AsSpan(a * stride, stride), _gt.Boxes.AsSpan(a * 4, 4), _gt.Areas[a], _variances, _scratch);
                }
            }
            else
            {
                var db = _dt.Boxes.Slice(det * 4, 4);
                for (int j = 0; j < g; j++)
                {
                    int a = g0 + j;
                    row[j] = BoxIntersectionOverUnion.Compute(db, _gt.Boxes.AsSpan(a * 4, 4), _gt.IsCrowd[a]);
                }
            }
        }
    }

    private void AddErrors(ReadOnlySpan<int> order, int g0, ReadOnlySpan<int> matchedAtFirstThreshold, ReadOnlySpan<MatchOutcome> outcomesAtFirstThreshold)
    {
        int stride = _dt.KeypointStride;
        for (int i = 0; i < order.Length; i++)
        {
            if (outcomesAtFirstThreshold[i] != MatchOutcome.TruePositive)
            {
                continue;
            }

            int a = g0 + _columns[matchedAtFirstThreshold[i]];
            _errors!.Add(_dt.Keypoints.Slice(order[i] * stride, stride), _gt.Keypoints.AsSpan(a * stride, stride), _gt.Areas[a], _variances);
        }
    }

    private void Ensure(int detections, int groundTruths)
    {
        int d = Math.Min(detections, _maxDet);
        Grow(ref _order, detections);
        Grow(ref _sortedScores, d);
        Grow(ref _similarity, d * groundTruths);
        Grow(ref _baseIgnore, groundTruths);
        Grow(ref _ignored, groundTruths);
        Grow(ref _crowd, groundTruths);
        Grow(ref _columns, groundTruths);
        Grow(ref _taken, groundTruths);
        Grow(ref _outside, d);
        Grow(ref _matched, d * _thresholds.Length);
        Grow(ref _outcomes, d * _thresholds.Length);
    }

    private static void Grow<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new T[Math.Max(size, buffer.Length * 2)];
        }
    }
}
