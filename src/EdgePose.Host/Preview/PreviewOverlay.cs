using System.Globalization;
using EdgePose.Core.Datasets;
using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;

namespace EdgePose.Host.Preview;

/// <summary>
/// The preview's drawing of a frame's poses, as <see cref="PredictionOverlay"/> draws them ("person 0.87"
/// labels, keypoints under the threshold left out) but scaled to the preview's size, with each label string
/// made once per class and score step: drawing frame after frame allocates nothing.
/// </summary>
internal sealed class PreviewOverlay
{
    private const int ScoreSteps = 101;
    private readonly KeypointMeta _meta;
    private readonly IReadOnlyDictionary<int, string> _classNames;
    private readonly float _keypointThreshold;
    private readonly LabelledKeypoint[] _points;
    private readonly Dictionary<int, string?[]> _labels = [];

    public PreviewOverlay(KeypointMeta meta, IReadOnlyDictionary<int, string> classNames, float keypointThreshold)
    {
        _meta = meta;
        _classNames = classNames;
        _keypointThreshold = keypointThreshold;
        _points = new LabelledKeypoint[meta.KeypointCount];
    }

    /// <summary>Fills <paramref name="into"/> (cleared first) with the commands for <paramref name="poses"/>, their pixels multiplied by <paramref name="scale"/>.</summary>
    public void Build(List<DrawCommand> into, PoseDetections poses, double scale, PoseDrawStyle style)
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
            PoseOverlay.Add(into, b[0] * scale, b[1] * scale, (b[2] - b[0]) * scale, (b[3] - b[1]) * scale, points, _meta, Label(cls, poses.Score(i)), ClassPalette.ForClass(cls), style);
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

    private string ClassName(int cls) => _classNames.TryGetValue(cls, out var n) ? n : cls.ToString(CultureInfo.InvariantCulture);
}
