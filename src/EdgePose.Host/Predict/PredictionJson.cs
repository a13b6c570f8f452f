using System.Text.Json;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;

namespace EdgePose.Host.Predict;

/// <summary>
/// Writes one image's detections as JSON: boxes as x1, y1, x2, y2 in image pixels, scores, class ids and
/// names, and keypoints with their names, x, y and score. Values are the float32 results, written exactly.
/// </summary>
public static class PredictionJson
{
    public static void Write(
        Utf8JsonWriter w,
        string image,
        int width,
        int height,
        PoseDetections detections,
        KeypointMeta meta,
        IReadOnlyDictionary<int, string> classNames,
        long? frame = null,
        ReadOnlySpan<int> trackIds = default)
    {
        w.WriteStartObject();
        w.WriteString("image", image);
        if (frame is long f)
        {
            w.WriteNumber("frame", f);
        }

        w.WriteNumber("width", width);
        w.WriteNumber("height", height);
        w.WriteStartArray("detections");
        for (int i = 0; i < detections.Count; i++)
        {
            w.WriteStartObject();
            int cls = detections.ClassId(i);
            w.WriteNumber("class_id", cls);
            w.WriteString("class_name", classNames.TryGetValue(cls, out var n) ? n : cls.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("score", detections.Score(i));
            if (i < trackIds.Length && trackIds[i] >= 0)
            {
                w.WriteNumber("track_id", trackIds[i]);
            }

            var b = detections.Box(i);
            w.WriteStartArray("box_xyxy");
            foreach (var v in b)
            {
                w.WriteNumberValue(v);
            }

            w.WriteEndArray();
            w.WriteStartArray("keypoints");
            var kp = detections.Keypoints(i);
            for (int k = 0; k < detections.KeypointCount; k++)
            {
                w.WriteStartObject();
                w.WriteString("name", k < meta.KeypointCount ? meta.KeypointNames[k] : $"kpt{k}");
                w.WriteNumber("x", kp[3 * k]);
                w.WriteNumber("y", kp[(3 * k) + 1]);
                w.WriteNumber("score", kp[(3 * k) + 2]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
