using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using OpenCvSharp;

namespace EdgePose.Native.Drawing;

/// <summary>
/// Carries out Core's <see cref="DrawCommand"/>s on a BGR <see cref="Mat"/> with OpenCV: antialiased lines,
/// circles and rectangles (corners inclusive) and Hershey Simplex labels, as Ultralytics draws them.
/// </summary>
public static class OverlayPainter
{
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;
    private static readonly Scalar s_white = new(255, 255, 255);

    public static void Paint(Mat image, IReadOnlyList<DrawCommand> commands, double fontScale)
    {
        // Indexed: foreach over the interface would box the list's enumerator on every frame.
        for (int i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            int thickness = Math.Max(c.Thickness, 1);
            switch (c.Kind)
            {
                case DrawKind.Rectangle:
                    Cv2.Rectangle(image, new Point(c.X1, c.Y1), new Point(c.X2, c.Y2), ToScalar(c.Color), thickness, LineTypes.AntiAlias);
                    break;
                case DrawKind.Line:
                    Cv2.Line(image, new Point(c.X1, c.Y1), new Point(c.X2, c.Y2), ToScalar(c.Color), thickness, LineTypes.AntiAlias);
                    break;
                case DrawKind.FilledCircle:
                    Cv2.Circle(image, new Point(c.X1, c.Y1), c.Radius, ToScalar(c.Color), -1, LineTypes.AntiAlias);
                    break;
                case DrawKind.Circle:
                    Cv2.Circle(image, new Point(c.X1, c.Y1), c.Radius, ToScalar(c.Color), thickness, LineTypes.AntiAlias);
                    break;
                case DrawKind.Label:
                    Label(image, c.Text ?? "", c.X1, c.Y1, c.Color, fontScale, thickness);
                    break;
            }
        }
    }

    /// <summary>
    /// White text on a box of <paramref name="color"/> just above (x, y), or just below it when there is no
    /// room above or <paramref name="below"/> asks for it.
    /// </summary>
    public static void Label(Mat image, string text, int x, int y, Rgb color, double fontScale, int thickness, bool below = false)
    {
        var size = Cv2.GetTextSize(text, Font, fontScale, thickness, out _);
        int h = size.Height + 3;
        bool above = !below && y - h >= 0;
        int top = above ? y - h : y;
        Cv2.Rectangle(image, new Point(x, top), new Point(x + size.Width, top + h), ToScalar(color), -1, LineTypes.AntiAlias);
        Cv2.PutText(image, text, new Point(x, top + size.Height + 1), Font, fontScale, s_white, thickness, LineTypes.AntiAlias);
    }

    /// <summary>OpenCV's colour order for <paramref name="color"/>: blue, green, red.</summary>
    public static Scalar ToScalar(Rgb color) => new(color.B, color.G, color.R);
}
