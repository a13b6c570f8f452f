using System.Runtime.InteropServices;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// What the per-image evaluation leaves for accumulation (pycocotools' evalImgs), flat: one record per
/// (category, image) that has ground truth or detections, records of a category contiguous and in image-id
/// order; per record its detections (best score first, at most the largest max-detections) as slots with
/// their score and one <see cref="MatchOutcome"/> per area range and threshold, and its non-ignored
/// ground-truth count per area range.
/// </summary>
internal sealed class CocoImageResults
{
    private readonly List<int> _slotStart;
    private readonly List<int> _slotCount;
    private readonly List<int> _nonIgnored;
    private readonly List<double> _scores;
    private readonly List<MatchOutcome> _outcomes;
    private readonly int[] _categoryFirstRecord;

    /// <param name="expectedSlots">Detections expected (capacity only).</param>
    public CocoImageResults(int categories, int areaRanges, int thresholds, int expectedSlots)
    {
        _slotStart = new List<int>(256);
        _slotCount = new List<int>(256);
        _nonIgnored = new List<int>(256 * areaRanges);
        _scores = new List<double>(expectedSlots);
        _outcomes = new List<MatchOutcome>(expectedSlots * areaRanges * thresholds);
        AreaRanges = areaRanges;
        Thresholds = thresholds;
        _categoryFirstRecord = new int[categories + 1];
    }

    public int AreaRanges { get; }

    public int Thresholds { get; }

    public ReadOnlySpan<int> SlotStart => CollectionsMarshal.AsSpan(_slotStart);

    public ReadOnlySpan<int> SlotCount => CollectionsMarshal.AsSpan(_slotCount);

    /// <summary>Per record and area range (record × A + a): ground truths that count.</summary>
    public ReadOnlySpan<int> NonIgnored => CollectionsMarshal.AsSpan(_nonIgnored);

    public ReadOnlySpan<double> Scores => CollectionsMarshal.AsSpan(_scores);

    /// <summary>Per slot, area range and threshold: slot × A × T + a × T + t.</summary>
    public ReadOnlySpan<MatchOutcome> Outcomes => CollectionsMarshal.AsSpan(_outcomes);

    public int SlotTotal => _scores.Count;

    /// <summary>Records of category k: first .. end − 1.</summary>
    public (int First, int End) RecordsOf(int k) => (_categoryFirstRecord[k], _categoryFirstRecord[k + 1]);

    /// <summary>Starts a record of category k (k never decreases) with these detection scores, best first.</summary>
    public int AddRecord(int k, ReadOnlySpan<double> sortedScores)
    {
        int record = _slotStart.Count;
        _slotStart.Add(_scores.Count);
        _slotCount.Add(sortedScores.Length);
        _scores.AddRange(sortedScores);
        CollectionsMarshal.SetCount(_outcomes, _scores.Count * AreaRanges * Thresholds);
        CollectionsMarshal.SetCount(_nonIgnored, _nonIgnored.Count + AreaRanges);
        // Categories after k end (so far) after this record.
        for (int i = _categoryFirstRecord.Length - 1; i > k; i--)
        {
            _categoryFirstRecord[i] = record + 1;
        }

        return record;
    }

    public void SetNonIgnored(int record, int a, int count) => CollectionsMarshal.AsSpan(_nonIgnored)[(record * AreaRanges) + a] = count;

    /// <summary>Stores the T × D outcomes (threshold-major, as the matcher writes them) of one record and area range.</summary>
    public void SetOutcomes(int record, int a, ReadOnlySpan<MatchOutcome> thresholdMajor)
    {
        int start = _slotStart[record], d = _slotCount[record];
        var all = CollectionsMarshal.AsSpan(_outcomes);
        for (int t = 0; t < Thresholds; t++)
        {
            for (int di = 0; di < d; di++)
            {
                all[((start + di) * AreaRanges * Thresholds) + (a * Thresholds) + t] = thresholdMajor[(t * d) + di];
            }
        }
    }
}
