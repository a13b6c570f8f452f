using System.Globalization;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Drawing;

/// <summary>
/// Draws poses on a BGR image: box with "name score" label, skeleton links and keypoints in the colours
/// of the dataset's meta information. Used for predictions and for ground-truth previews (where the
/// keypoint "score" is the visibility flag 0/1/2).
/// </summary>
public static class PoseAnnotator
{
    /// <summary>Draws every detection of <paramref name="detections"/>.</summary>
    public static void Draw(BgrMat image, PoseDetections detections, KeypointMeta meta, IReadOnlyDictionary<int, string> classNames, AnnotationStyle? style = null)
    {
        style ??= AnnotationStyle.Default;
        Span<char> label = stackalloc char[64];
        for (int i = 0; i < detections.Count; i++)
        {
            var b = detections.Box(i);
            int cls = detections.ClassId(i);
            int n = FormatLabel(label, classNames.TryGetValue(cls, out var name) ? name : null, cls, detections.Score(i));
            DrawBox(image, b[0], b[1], b[2], b[3], style.ClassColor(cls), label[..n], style);
            DrawKeypoints(image, detections.Keypoints(i), meta, style);
        }
    }

    /// <summary>A box with an optional filled label above its top-left corner.</summary>
    public static void DrawBox(BgrMat image, float x1, float y1, float x2, float y2, Rgb color, ReadOnlySpan<char> label, AnnotationStyle? style = null)
    {
        style ??= AnnotationStyle.Default;
        if (!style.DrawBoxes)
        {
            return;
        }

        int lw = style.LineWidthFor(image.Width, image.Height);
        int ix1 = (int)x1, iy1 = (int)y1;
        image.DrawRectangle(ix1, iy1, (int)x2, (int)y2, color, lw);
        if (!style.DrawLabels || label.IsEmpty)
        {
            return;
        }

        double fontScale = lw / 3.0;
        int thickness = Math.Max(lw - 1, 1);
        var size = ImageDrawing.MeasureText(label, fontScale, thickness);
        bool above = iy1 - size.Height - 3 >= 0;
        int top = above ? iy1 - size.Height - 3 : iy1;
        image.FillRectangle(ix1, top, ix1 + size.Width, top + size.Height + 3, color);
        var text = (color.R * 0.299) + (color.G * 0.587) + (color.B * 0.114) > 150 ? new Rgb(0, 0, 0) : new Rgb(255, 255, 255);
        image.DrawText(label, ix1, top + size.Height + 1, fontScale, text, thickness);
    }

    /// <summary>Links and keypoints of one instance; <paramref name="keypoints"/> holds x, y, score triples.</summary>
    public static void DrawKeypoints(BgrMat image, ReadOnlySpan<float> keypoints, KeypointMeta meta, AnnotationStyle? style = null)
    {
        style ??= AnnotationStyle.Default;
        int k = Math.Min(keypoints.Length / 3, meta.KeypointCount);
        int lw = style.LineWidthFor(image.Width, image.Height);
        int radius = style.KeypointRadius > 0 ? style.KeypointRadius : 5;
        foreach (var link in meta.Skeleton)
        {
            if (link.From >= k || link.To >= k || !Shown(keypoints, link.From, style) || !Shown(keypoints, link.To, style))
            {
                continue;
            }

            image.DrawLine(
                (int)keypoints[3 * link.From], (int)keypoints[(3 * link.From) + 1],
                (int)keypoints[3 * link.To], (int)keypoints[(3 * link.To) + 1],
                link.Color, (int)Math.Ceiling(lw / 2.0));
        }

        for (int j = 0; j < k; j++)
        {
            if (Shown(keypoints, j, style))
            {
                image.FillCircle((int)keypoints[3 * j], (int)keypoints[(3 * j) + 1], radius, meta.KeypointColors[j]);
            }
        }
    }

    private static bool Shown(ReadOnlySpan<float> kp, int j, AnnotationStyle style)
    {
        float x = kp[3 * j], y = kp[(3 * j) + 1], s = kp[(3 * j) + 2];
        return s >= style.KeypointThreshold && (x != 0 || y != 0);
    }

    private static int FormatLabel(Span<char> dst, string? name, int cls, float score)
    {
        int n = 0;
        if (name is not null)
        {
            int len = Math.Min(name.Length, dst.Length - 8);
            name.AsSpan(0, len).CopyTo(dst);
            n = len;
        }
        else
        {
            cls.TryFormat(dst, out n, provider: CultureInfo.InvariantCulture);
        }

        dst[n++] = ' ';
        score.TryFormat(dst[n..], out int w, "0.00", CultureInfo.InvariantCulture);
        return n + w;
    }
}
