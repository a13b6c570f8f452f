using System.Globalization;
using EdgePose.Core.Datasets;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Drawing;

/// <summary>
/// The drawing of predicted poses: each detection as <see cref="PoseOverlay"/> draws a labelled pose,
/// with keypoints scoring at least the threshold shown as visible and the rest left out (Ultralytics
/// draws keypoints whose score is 0.5 or more), and a "name score" label. A tracked detection is labelled
/// "id:7 name score", as Ultralytics labels tracks, and coloured by its id rather than its class.
/// </summary>
public static class PredictionOverlay
{
    /// <summary>Keypoints scoring below this are not drawn.</summary>
    public const float DefaultKeypointThreshold = 0.5f;

    /// <summary>Appends the commands for every detection to <paramref name="into"/> (cleared first).</summary>
    public static void Build(
        List<DrawCommand> into,
        PoseDetections detections,
        KeypointMeta meta,
        IReadOnlyDictionary<int, string> classNames,
        PoseDrawStyle style,
        float keypointThreshold = DefaultKeypointThreshold,
        ReadOnlySpan<int> trackIds = default)
    {
        into.Clear();
        Span<LabelledKeypoint> points = detections.KeypointCount <= 64
            ? stackalloc LabelledKeypoint[detections.KeypointCount]
            : new LabelledKeypoint[detections.KeypointCount];
        for (int i = 0; i < detections.Count; i++)
        {
            var kp = detections.Keypoints(i);
            for (int k = 0; k < points.Length; k++)
            {
                points[k] = new LabelledKeypoint(kp[3 * k], kp[(3 * k) + 1], kp[(3 * k) + 2] >= keypointThreshold ? 2 : 0);
            }

            var b = detections.Box(i);
            int cls = detections.ClassId(i);
            string name = classNames.TryGetValue(cls, out var n) ? n : cls.ToString(CultureInfo.InvariantCulture);
            int track = i < trackIds.Length ? trackIds[i] : -1;
            string label = track >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"id:{track} {name} {detections.Score(i):0.00}")
                : string.Create(CultureInfo.InvariantCulture, $"{name} {detections.Score(i):0.00}");
            var color = track >= 0 ? ClassPalette.ForTrack(track) : ClassPalette.ForClass(cls);
            PoseOverlay.Add(into, b[0], b[1], b[2] - b[0], b[3] - b[1], points, meta, label, color, style);
        }
    }
}
