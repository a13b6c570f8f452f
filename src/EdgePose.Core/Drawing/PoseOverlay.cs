using EdgePose.Core.Datasets;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Drawing;

/// <summary>
/// The drawing of one object's pose: its box and label in the class colour, the skeleton links whose two
/// ends are labelled in the meta's link colours, and the keypoints in the meta's keypoint colours, filled
/// when visible (v=2) and as rings when labelled but hidden (v=1). Unlabelled points (v=0) are not drawn.
/// </summary>
public static class PoseOverlay
{
    /// <summary>Appends the commands for one object (box x, y, w, h and keypoints in pixels) to <paramref name="into"/>.</summary>
    public static void Add(List<DrawCommand> into, double x, double y, double w, double h, ReadOnlySpan<LabelledKeypoint> keypoints, KeypointMeta meta, string? label, Rgb boxColor, PoseDrawStyle style)
    {
        int x1 = Px(x), y1 = Px(y), x2 = Px(x + w), y2 = Px(y + h);
        into.Add(DrawCommand.Rectangle(x1, y1, x2, y2, boxColor, style.LineWidth));
        // Indexed: foreach over the interface would allocate an enumerator per pose, every frame.
        var skeleton = meta.Skeleton;
        for (int s = 0; s < skeleton.Count; s++)
        {
            var link = skeleton[s];
            if (link.From >= keypoints.Length || link.To >= keypoints.Length)
            {
                continue;
            }

            var (a, b) = (keypoints[link.From], keypoints[link.To]);
            if (a.IsLabelled && b.IsLabelled)
            {
                into.Add(DrawCommand.Line(Px(a.X), Px(a.Y), Px(b.X), Px(b.Y), link.Color, style.LimbWidth));
            }
        }

        for (int k = 0; k < keypoints.Length; k++)
        {
            var p = keypoints[k];
            var color = k < meta.KeypointColors.Count ? meta.KeypointColors[k] : KeypointMeta.DefaultColor;
            if (p.Visibility == 2)
            {
                into.Add(DrawCommand.Dot(Px(p.X), Px(p.Y), style.KeypointRadius, color));
            }
            else if (p.Visibility == 1)
            {
                into.Add(DrawCommand.Ring(Px(p.X), Px(p.Y), style.KeypointRadius, color, style.LimbWidth));
            }
        }

        if (!string.IsNullOrEmpty(label))
        {
            into.Add(DrawCommand.Label(label, x1, y1, boxColor, style.FontThickness));
        }
    }

    private static int Px(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
