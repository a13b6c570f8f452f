using System.Globalization;
using EdgePose.Core.Datasets;
using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;

namespace EdgePose.Host.Preview;

/// <summary>
/// The preview's drawing of a frame's poses, as <see cref="PredictionOverlay"/> draws them ("person 0.87"
/// labels, keypoints under the threshold left out) but scaled to the preview's size, with each label string
/// made once per class and score step: drawing frame after frame allocates nothing. A tracked person is
/// coloured by their id and labelled "id:7 person" (the id rather than the score, so that the label is made
/// once per track and kept in a small ring).
/// </summary>
internal sealed class PreviewOverlay
{
    private const int ScoreSteps = 101;
    private readonly KeypointMeta _meta;
    private readonly IReadOnlyDictionary<int, string> _classNames;
    private readonly float _keypointThreshold;
    private readonly LabelledKeypoint[] _points;
    private readonly Dictionary<int, string?[]> _labels = [];
    private readonly (int Track, int Class, string? Text)[] _trackLabels = new (int, int, string?)[256];

    public PreviewOverlay(KeypointMeta meta, IReadOnlyDictionary<int, string> classNames, float keypointThreshold)
    {
        _meta = meta;
        _classNames = classNames;
        _keypointThreshold = keypointThreshold;
        _points = new LabelledKeypoint[meta.KeypointCount];
    }

    /// <summary>Fills <paramref name="into"/> (cleared first) with the commands for <paramref name="poses"/>, their pixels multiplied by <paramref name="scale"/>.</summary>
    public void Build(List<DrawCommand> into, PoseDetections poses, ReadOnlySpan<int> trackIds, double scale, PoseDrawStyle style)
    {
        into.Clear();
        int k = Math.Min(poses.KeypointCount, _points.Length);
        var points = _points.AsSpan(0, k);
        for (int i = 0; i < poses.Count; i++)
        {
            var kp = poses.Keypoints(i);
            for (int j = 0; j < k; j++)
            {
                points[j] = new LabelledKeypoint(kp[3 * j] * scale, kp[(3 * j) + 1] * scale, kp[(3 * j) + 2] >= _keypointThreshold ? 2 : 0);
            }

            var b = poses.Box(i);
            int cls = poses.ClassId(i);
            int track = i < trackIds.Length ? trackIds[i] : -1;
            var (label, color) = track >= 0 ? (TrackLabel(track, cls), ClassPalette.ForTrack(track)) : (Label(cls, poses.Score(i)), ClassPalette.ForClass(cls));
            PoseOverlay.Add(into, b[0] * scale, b[1] * scale, (b[2] - b[0]) * scale, (b[3] - b[1]) * scale, points, _meta, label, color, style);
        }
    }

    /// <summary>"name 0.87" for class <paramref name="cls"/>, made the first time that class and score step are drawn.</summary>
    private string Label(int cls, float score)
    {
        if (!_labels.TryGetValue(cls, out var byScore))
        {
            byScore = new string?[ScoreSteps];
            _labels[cls] = byScore;
        }

        int step = Math.Clamp((int)MathF.Round(score * 100, MidpointRounding.AwayFromZero), 0, ScoreSteps - 1);
        return byScore[step] ??= string.Create(CultureInfo.InvariantCulture, $"{ClassName(cls)} {step / 100.0:0.00}");
    }

    /// <summary>"id:7 person", made the first time track <paramref name="track"/> is drawn and kept until a later id takes its slot.</summary>
    private string TrackLabel(int track, int cls)
    {
        ref var slot = ref _trackLabels[track % _trackLabels.Length];
        if (slot.Text is null || slot.Track != track || slot.Class != cls)
        {
            slot = (track, cls, string.Create(CultureInfo.InvariantCulture, $"id:{track} {ClassName(cls)}"));
        }

        return slot.Text;
    }

    private string ClassName(int cls) => _classNames.TryGetValue(cls, out var n) ? n : cls.ToString(CultureInfo.InvariantCulture);
}
