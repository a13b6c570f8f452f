using EdgePose.Core.Nms;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Decoding;

/// <summary>
/// Decodes the raw YOLOv8/YOLO11 pose head ([B, 4+nc+K·D, N] or transposed) with Ultralytics'
/// non_max_suppression semantics: candidates whose best class score is above the threshold (or every
/// class above it with multi-label), boxes cx,cy,w,h → x1,y1,x2,y2 in float32, per-class offset of
/// 7680 px unless class-agnostic, greedy NMS with a stable score order, then the first max-det kept.
/// All buffers are sized for the layout at construction.
/// </summary>
public sealed class RawPoseDecoder : IPoseDecoder
{
    /// <summary>Offset per class so boxes of different classes never overlap (Ultralytics' max_wh).</summary>
    public const float ClassOffset = 7680f;

    private readonly GreedyNms _nms = new();
    private readonly int[] _candRow;
    private readonly int[] _candClass;
    private readonly float[] _candScore;
    private readonly float[] _candBox;
    private readonly float[] _nmsBox;
    private readonly float[] _rowMax;
    private readonly int[] _keep;
    private ulong[] _sortKeys = [];
    private int[] _sortOrder = [];

    public RawPoseDecoder(OutputLayout layout)
    {
        if (layout.Kind == OutputLayoutKind.EndToEnd)
        {
            throw new ArgumentException($"layout {layout} is end-to-end, not raw", nameof(layout));
        }

        Layout = layout;
        int cap = layout.Rows * layout.ClassCount;
        _candRow = new int[cap];
        _candClass = new int[cap];
        _candScore = new float[cap];
        _candBox = new float[cap * 4];
        _nmsBox = new float[cap * 4];
        _rowMax = new float[layout.Rows];
        _keep = new int[cap];
    }

    public OutputLayout Layout { get; }

    public void Decode(ReadOnlySpan<float> output, int batchIndex, DecodeOptions options, PoseDetections detections)
    {
        detections.Clear();
        var view = new OutputView(output, batchIndex, Layout);
        int n = CollectCandidates(view, options);
        if (n == 0)
        {
            return;
        }

        var scores = _candScore.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            float offset = options.ClassAgnostic ? 0f : _candClass[i] * ClassOffset;
            for (int c = 0; c < 4; c++)
            {
                _nmsBox[(4 * i) + c] = _candBox[(4 * i) + c] + offset;
            }
        }

        // Ultralytics keeps the best max_nms candidates before NMS; NMS visits them in the same score order,
        // so limiting the scan to the first MaxCandidates of that order is the same thing.
        int limit = Math.Min(Math.Min(options.MaxDetections, detections.Capacity), n);
        int kept = n > options.MaxCandidates
            ? RunOnBest(scores, options, limit)
            : _nms.Run(_nmsBox.AsSpan(0, 4 * n), scores, options.Iou, _keep.AsSpan(0, limit));

        int firstKeypoint = 4 + Layout.ClassCount;
        for (int k = 0; k < kept; k++)
        {
            int i = _keep[k];
            int d = detections.Add(_candBox[4 * i], _candBox[(4 * i) + 1], _candBox[(4 * i) + 2], _candBox[(4 * i) + 3], _candScore[i], _candClass[i], _candRow[i]);
            KeypointReader.Copy(view, _candRow[i], firstKeypoint, Layout, detections, d);
        }
    }

    private int RunOnBest(Span<float> scores, DecodeOptions options, int limit)
    {
        // Rare path (more than MaxCandidates above threshold): compact the best MaxCandidates to the front.
        // Its sort buffers are made on first use and kept.
        int n = scores.Length;
        if (_sortKeys.Length < n)
        {
            _sortKeys = new ulong[_candScore.Length];
            _sortOrder = new int[_candScore.Length];
        }

        var order = _sortOrder;
        ScoreOrder.Sort(scores, _sortKeys, order);
        int m = options.MaxCandidates;
        Array.Sort(order, 0, m);
        for (int j = 0; j < m; j++)
        {
            int i = order[j];
            _candRow[j] = _candRow[i];
            _candClass[j] = _candClass[i];
            _candScore[j] = _candScore[i];
            Array.Copy(_candBox, 4 * i, _candBox, 4 * j, 4);
            Array.Copy(_nmsBox, 4 * i, _nmsBox, 4 * j, 4);
        }

        return _nms.Run(_nmsBox.AsSpan(0, 4 * m), _candScore.AsSpan(0, m), options.Iou, _keep.AsSpan(0, Math.Min(limit, m)));
    }

    private int CollectCandidates(in OutputView view, DecodeOptions options)
    {
        int rows = Layout.Rows;
        int nc = Layout.ClassCount;
        float conf = options.Confidence;

        // Best class score per row; contiguous rows read as spans when the layout allows.
        var rowMax = _rowMax.AsSpan(0, rows);
        var first = view.ValueRow(4, rows);
        if (!first.IsEmpty)
        {
            first.CopyTo(rowMax);
            for (int c = 1; c < nc; c++)
            {
                var s = view.ValueRow(4 + c, rows);
                for (int r = 0; r < rows; r++)
                {
                    rowMax[r] = MathF.Max(rowMax[r], s[r]);
                }
            }
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                float m = view[r, 4];
                for (int c = 1; c < nc; c++)
                {
                    m = MathF.Max(m, view[r, 4 + c]);
                }

                rowMax[r] = m;
            }
        }

        int n = 0;
        for (int r = 0; r < rows; r++)
        {
            if (!(rowMax[r] > conf))
            {
                continue;
            }

            if (options.MultiLabel)
            {
                for (int c = 0; c < nc; c++)
                {
                    float s = view[r, 4 + c];
                    if (s > conf)
                    {
                        AddCandidate(view, n++, r, c, s);
                    }
                }
            }
            else
            {
                int best = 0;
                float bestScore = view[r, 4];
                for (int c = 1; c < nc; c++)
                {
                    float s = view[r, 4 + c];
                    if (s > bestScore)
                    {
                        best = c;
                        bestScore = s;
                    }
                }

                AddCandidate(view, n++, r, best, bestScore);
            }
        }

        return n;
    }

    private void AddCandidate(in OutputView view, int i, int row, int cls, float score)
    {
        _candRow[i] = row;
        _candClass[i] = cls;
        _candScore[i] = score;
        float cx = view[row, 0], cy = view[row, 1];
        float hw = view[row, 2] / 2f, hh = view[row, 3] / 2f;
        _candBox[4 * i] = cx - hw;
        _candBox[(4 * i) + 1] = cy - hh;
        _candBox[(4 * i) + 2] = cx + hw;
        _candBox[(4 * i) + 3] = cy + hh;
    }
}
