using System.Runtime.InteropServices;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Tracking;

/// <summary>
/// ByteTrack for one video source, with the semantics and defaults of Ultralytics' BYTETracker (8.3.166):
/// tracks predicted by a Kalman filter are matched first to high-score detections (IoU cost, fused with the
/// score), the still unmatched tracked ones then to low-score detections (IoU cost, limit 0.5), tracks
/// started on the previous frame ("unconfirmed") to what high-score detections are left (limit 0.7);
/// unmatched high-score detections at or over new_track_thresh start tracks, which label detections from
/// their second match on (from the first on the first frame); tracks unmatched for longer than
/// int(frame_rate / 30 * track_buffer) frames are removed, and of a tracked and a lost track overlapping
/// at IoU above 0.85 the younger is dropped.
/// The tracker only assigns ids: boxes and keypoints stay the detection's.
/// </summary>
/// <remarks>
/// Call <see cref="Update"/> once per frame, also for frames without detections, from one thread. Track
/// objects are pooled and all buffers are reused, so a steady stream allocates nothing; buffers grow when
/// a frame has more detections or tracks than any before. Ids count from 1 per tracker (Ultralytics
/// resets its shared counter per tracker as well).
/// </remarks>
public sealed class ByteTracker
{
    private const double SecondMatchLimit = 0.5;
    private const double UnconfirmedMatchLimit = 0.7;
    private const float DuplicateDistance = 0.15f;

    private readonly TrackerOptions _options;
    private readonly LinearAssignment _assignment = new();
    private readonly Stack<Track> _pool;

    private List<Track> _tracked;
    private List<Track> _lost;
    private List<Track> _nextTracked;
    private List<Track> _nextLost;

    private readonly List<Track> _confirmed;
    private readonly List<Track> _unconfirmed;
    private readonly List<Track> _candidates;
    private readonly List<Track> _activated;
    private readonly List<Track> _refound;
    private readonly List<Track> _newlyLost;
    private readonly List<Track> _stillTracked;
    private readonly List<Track> _released;
    private readonly List<int> _high;
    private readonly List<int> _low;
    private readonly List<int> _leftHigh;

    private float[] _rowBoxes = [];
    private float[] _colBoxes = [];
    private float[] _colScores = [];
    private float[] _cost = [];
    private int[] _rowMatch = [];
    private int[] _colMatch = [];
    private bool[] _dropA = [];
    private bool[] _dropB = [];
    private int[] _ids = [];
    private Track?[] _trackOf = [];
    private int _detectionCount;
    private int _nextId;

    /// <param name="options">Thresholds and buffer; must be valid (see <see cref="TrackerOptions.FirstInvalid"/>).</param>
    /// <param name="frameRate">The source's frames per second, which scales the track buffer.</param>
    /// <param name="expectedTracks">Room to prepare for, so that a scene of this many people allocates nothing at all.</param>
    public ByteTracker(TrackerOptions options, double frameRate = 30, int expectedTracks = 64)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FirstInvalid() is { } bad)
        {
            throw new ArgumentException($"{bad.Key} {bad.Problem}", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedTracks);
        _options = options;
        MaxTimeLost = options.MaxTimeLost(frameRate);
        int n = expectedTracks;
        _pool = new Stack<Track>(4 * n);
        for (int i = 0; i < 4 * n; i++)
        {
            _pool.Push(new Track());
        }

        _tracked = new(2 * n);
        _lost = new(2 * n);
        _nextTracked = new(2 * n);
        _nextLost = new(2 * n);
        _confirmed = new(2 * n);
        _unconfirmed = new(2 * n);
        _candidates = new(4 * n);
        _activated = new(2 * n);
        _refound = new(2 * n);
        _newlyLost = new(2 * n);
        _stillTracked = new(2 * n);
        _released = new(4 * n);
        _high = new(2 * n);
        _low = new(2 * n);
        _leftHigh = new(2 * n);
        EnsureMatrix(4 * n, 2 * n);
        EnsureDetections(2 * n);
    }

    /// <summary>Frames a lost track is kept: int(frame_rate / 30 * track_buffer).</summary>
    public int MaxTimeLost { get; }

    /// <summary>Frames given to <see cref="Update"/> since construction or <see cref="Reset"/>.</summary>
    public int FrameCount { get; private set; }

    /// <summary>Per detection of the latest update: its track id, or -1 when no activated track holds it.</summary>
    public ReadOnlySpan<int> TrackIds => _ids.AsSpan(0, _detectionCount);

    /// <summary>Tracks matched in the latest frame (activated or not yet), in Ultralytics' order.</summary>
    public ReadOnlySpan<Track> TrackedTracks => CollectionsMarshal.AsSpan(_tracked);

    /// <summary>Tracks not matched lately and not yet removed.</summary>
    public ReadOnlySpan<Track> LostTracks => CollectionsMarshal.AsSpan(_lost);

    /// <summary>The track id of detection <paramref name="detection"/> of the latest update, or -1.</summary>
    public int TrackId(int detection) => _ids[CheckedDetection(detection)];

    /// <summary>The activated track holding detection <paramref name="detection"/> of the latest update (for its age and state), or null.</summary>
    public Track? TrackOf(int detection) => _trackOf[CheckedDetection(detection)];

    /// <summary>A copy of detection <paramref name="detection"/>'s track (id, state, age, score), or <see cref="TrackInfo.None"/>.</summary>
    public TrackInfo Info(int detection) => TrackOf(detection)?.Info ?? TrackInfo.None;

    /// <summary>A copy of lost track <paramref name="lost"/> (one of <see cref="LostTracks"/>), with the frames since it was last matched.</summary>
    public TrackInfo LostInfo(Track lost) => lost.Info with { FramesLost = FrameCount - lost.LastFrame };

    /// <summary>Forgets all tracks and restarts ids and frames, as for a new video.</summary>
    public void Reset()
    {
        foreach (var t in _tracked)
        {
            _pool.Push(t);
        }

        foreach (var t in _lost)
        {
            _pool.Push(t);
        }

        _tracked.Clear();
        _lost.Clear();
        _nextId = 0;
        FrameCount = 0;
        _detectionCount = 0;
    }

    /// <summary>Advances one frame with its detections (boxes x1, y1, x2, y2 in frame pixels and scores).</summary>
    public void Update(PoseDetections detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        int frame = ++FrameCount;
        int n = detections.Count;
        EnsureDetections(n);
        _detectionCount = n;
        ClearFrameLists();

        // Split detections: high for the first association, low (above track_low_thresh) for the second.
        // Scores compare in float32, as numpy compares a float32 array with a Python float.
        float high = (float)_options.TrackHighThresh;
        float low = (float)_options.TrackLowThresh;
        for (int i = 0; i < n; i++)
        {
            float s = detections.Score(i);
            if (s >= high)
            {
                _high.Add(i);
            }
            else if (s > low)
            {
                _low.Add(i);
            }
        }

        foreach (var t in _tracked)
        {
            t.DetectionIndex = -1;
            (t.IsActivated ? _confirmed : _unconfirmed).Add(t);
        }

        _candidates.AddRange(_confirmed);
        foreach (var t in _lost)
        {
            t.DetectionIndex = -1;
            _candidates.Add(t);
        }

        foreach (var t in _candidates)
        {
            t.Predict();
        }

        // 1. Confirmed and lost tracks against high-score detections.
        Match(_candidates, detections, _high, _options.FuseScore, _options.MatchThresh);
        for (int r = 0; r < _candidates.Count; r++)
        {
            var t = _candidates[r];
            int c = _rowMatch[r];
            if (c < 0)
            {
                if (t.State == TrackState.Tracked)
                {
                    _stillTracked.Add(t);
                }

                continue;
            }

            bool wasTracked = t.State == TrackState.Tracked;
            int d = _high[c];
            t.Update(detections.Box(d), detections.Score(d), d, frame);
            (wasTracked ? _activated : _refound).Add(t);
        }

        for (int c = 0; c < _high.Count; c++)
        {
            if (_colMatch[c] < 0)
            {
                _leftHigh.Add(_high[c]);
            }
        }

        // 2. Tracked tracks still unmatched against low-score detections; the rest become lost.
        Match(_stillTracked, detections, _low, fuse: false, SecondMatchLimit);
        for (int r = 0; r < _stillTracked.Count; r++)
        {
            var t = _stillTracked[r];
            int c = _rowMatch[r];
            if (c >= 0)
            {
                int d = _low[c];
                t.Update(detections.Box(d), detections.Score(d), d, frame);
                _activated.Add(t);
            }
            else
            {
                t.State = TrackState.Lost;
                _newlyLost.Add(t);
            }
        }

        // 3. Tracks started on the previous frame against the high-score detections left; unmatched ones go.
        Match(_unconfirmed, detections, _leftHigh, _options.FuseScore, UnconfirmedMatchLimit);
        for (int r = 0; r < _unconfirmed.Count; r++)
        {
            var t = _unconfirmed[r];
            int c = _rowMatch[r];
            if (c >= 0)
            {
                int d = _leftHigh[c];
                t.Update(detections.Box(d), detections.Score(d), d, frame);
                _activated.Add(t);
            }
            else
            {
                t.State = TrackState.Removed;
                _released.Add(t);
            }
        }

        // 4. New tracks from the high-score detections still left.
        for (int c = 0; c < _leftHigh.Count; c++)
        {
            int d = _leftHigh[c];
            if (_colMatch[c] >= 0 || detections.Score(d) < (float)_options.NewTrackThresh)
            {
                continue;
            }

            var t = _pool.Count > 0 ? _pool.Pop() : new Track();
            t.Activate(detections.Box(d), detections.Score(d), d, ++_nextId, frame);
            _activated.Add(t);
        }

        // 5. Lost tracks past the buffer are removed.
        foreach (var t in _lost)
        {
            if (t.State == TrackState.Lost && frame - t.LastFrame > MaxTimeLost)
            {
                t.State = TrackState.Removed;
                _released.Add(t);
            }
        }

        RebuildLists();
        RemoveDuplicates();
        foreach (var t in _released)
        {
            _pool.Push(t);
        }

        _ids.AsSpan(0, n).Fill(-1);
        _trackOf.AsSpan(0, n).Clear();
        foreach (var t in _tracked)
        {
            if (t.IsActivated && t.DetectionIndex >= 0)
            {
                _ids[t.DetectionIndex] = t.Id;
                _trackOf[t.DetectionIndex] = t;
            }
        }
    }

    private void ClearFrameLists()
    {
        _confirmed.Clear();
        _unconfirmed.Clear();
        _candidates.Clear();
        _activated.Clear();
        _refound.Clear();
        _newlyLost.Clear();
        _stillTracked.Clear();
        _released.Clear();
        _high.Clear();
        _low.Clear();
        _leftHigh.Clear();
    }

    /// <summary>Fills _rowMatch/_colMatch with the optimal matching of tracks to the listed detections under the limit.</summary>
    private void Match(List<Track> tracks, PoseDetections detections, List<int> columns, bool fuse, double limit)
    {
        int rows = tracks.Count;
        int cols = columns.Count;
        EnsureMatrix(rows, cols);
        for (int r = 0; r < rows; r++)
        {
            tracks[r].GetBox(_rowBoxes.AsSpan(r * 4, 4));
        }

        for (int c = 0; c < cols; c++)
        {
            detections.Box(columns[c]).CopyTo(_colBoxes.AsSpan(c * 4, 4));
            _colScores[c] = detections.Score(columns[c]);
        }

        BoxIou.Distances(_rowBoxes, rows, _colBoxes, cols, fuse ? _colScores.AsSpan(0, cols) : default, _cost);
        _assignment.Solve(_cost, rows, cols, limit, _rowMatch, _colMatch);
    }

    /// <summary>Tracked = still tracked + activated + refound; lost = old lost still lost + newly lost (Ultralytics' list algebra).</summary>
    private void RebuildLists()
    {
        var tracked = _nextTracked;
        tracked.Clear();
        foreach (var t in _tracked)
        {
            if (t.State == TrackState.Tracked)
            {
                tracked.Add(t);
            }
        }

        foreach (var t in _activated)
        {
            if (!tracked.Contains(t))
            {
                tracked.Add(t);
            }
        }

        foreach (var t in _refound)
        {
            if (!tracked.Contains(t))
            {
                tracked.Add(t);
            }
        }

        var lost = _nextLost;
        lost.Clear();
        foreach (var t in _lost)
        {
            if (t.State == TrackState.Lost)
            {
                lost.Add(t);
            }
        }

        lost.AddRange(_newlyLost);
        (_tracked, _nextTracked) = (tracked, _tracked);
        (_lost, _nextLost) = (lost, _lost);
    }

    /// <summary>Of a tracked and a lost track closer than IoU 0.85, drops the one tracked for fewer frames.</summary>
    private void RemoveDuplicates()
    {
        int a = _tracked.Count;
        int b = _lost.Count;
        if (a == 0 || b == 0)
        {
            return;
        }

        EnsureMatrix(a, b);
        EnsureDrops(a, b);
        for (int r = 0; r < a; r++)
        {
            _tracked[r].GetBox(_rowBoxes.AsSpan(r * 4, 4));
        }

        for (int c = 0; c < b; c++)
        {
            _lost[c].GetBox(_colBoxes.AsSpan(c * 4, 4));
        }

        BoxIou.Distances(_rowBoxes, a, _colBoxes, b, default, _cost);
        _dropA.AsSpan(0, a).Clear();
        _dropB.AsSpan(0, b).Clear();
        bool any = false;
        for (int p = 0; p < a; p++)
        {
            for (int q = 0; q < b; q++)
            {
                if (_cost[(p * b) + q] < DuplicateDistance)
                {
                    any = true;
                    int timeP = _tracked[p].LastFrame - _tracked[p].StartFrame;
                    int timeQ = _lost[q].LastFrame - _lost[q].StartFrame;
                    if (timeP > timeQ)
                    {
                        _dropB[q] = true;
                    }
                    else
                    {
                        _dropA[p] = true;
                    }
                }
            }
        }

        if (!any)
        {
            return;
        }

        Compact(_tracked, _dropA);
        Compact(_lost, _dropB);
    }

    private void Compact(List<Track> list, bool[] drop)
    {
        int keep = 0;
        for (int i = 0; i < list.Count; i++)
        {
            if (drop[i])
            {
                _released.Add(list[i]);
            }
            else
            {
                list[keep++] = list[i];
            }
        }

        list.RemoveRange(keep, list.Count - keep);
    }

    /// <summary>Room for a rows x cols cost matrix; each side grows to at least double, so growth stops early.</summary>
    private void EnsureMatrix(int rows, int cols)
    {
        if (rows <= _rowMatch.Length && cols <= _colMatch.Length)
        {
            return;
        }

        int r = Math.Max(_rowMatch.Length, rows <= _rowMatch.Length ? rows : Math.Max(rows, 2 * _rowMatch.Length));
        int c = Math.Max(_colMatch.Length, cols <= _colMatch.Length ? cols : Math.Max(cols, 2 * _colMatch.Length));
        _rowBoxes = new float[r * 4];
        _rowMatch = new int[r];
        _colBoxes = new float[c * 4];
        _colScores = new float[c];
        _colMatch = new int[c];
        _cost = new float[r * c];
    }

    private void EnsureDrops(int a, int b)
    {
        if (_dropA.Length < a)
        {
            _dropA = new bool[a];
        }

        if (_dropB.Length < b)
        {
            _dropB = new bool[b];
        }
    }

    private void EnsureDetections(int n)
    {
        if (_ids.Length < n)
        {
            _ids = new int[n];
            _trackOf = new Track?[n];
        }
    }

    private int CheckedDetection(int i) =>
        (uint)i < (uint)_detectionCount ? i : throw new ArgumentOutOfRangeException(nameof(i), i, $"detection index outside 0..{_detectionCount - 1}");
}
