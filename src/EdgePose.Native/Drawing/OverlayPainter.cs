using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Drawing;

/// <summary>Carries out Core's <see cref="DrawCommand"/>s on a BGR image with OpenCV.</summary>
public static class OverlayPainter
{
    private static readonly Rgb s_white = new(255, 255, 255);

    public static void Paint(BgrMat image, IReadOnlyList<DrawCommand> commands, double fontScale)
    {
        // Indexed: foreach over the interface would box the list's enumerator on every frame.
        for (int i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            switch (c.Kind)
            {
                case DrawKind.Rectangle:
                    image.DrawRectangle(c.X1, c.Y1, c.X2, c.Y2, c.Color, Math.Max(c.Thickness, 1));
                    break;
                case DrawKind.Line:
                    image.DrawLine(c.X1, c.Y1, c.X2, c.Y2, c.Color, Math.Max(c.Thickness, 1));
                    break;
                case DrawKind.FilledCircle:
                    image.FillCircle(c.X1, c.Y1, c.Radius, c.Color);
                    break;
                case DrawKind.Circle:
                    image.DrawCircle(c.X1, c.Y1, c.Radius, c.Color, Math.Max(c.Thickness, 1));
                    break;
                case DrawKind.Label:
                    Label(image, c.Text ?? "", c.X1, c.Y1, c.Color, fontScale, Math.Max(c.Thickness, 1));
                    break;
            }
        }
    }

    /// <summary>
    /// White text on a box of <paramref name="color"/> just above (x, y), or just below it when there is no
    /// room above or <paramref name="below"/> asks for it.
    /// </summary>
    public static void Label(BgrMat image, string text, int x, int y, Rgb color, double fontScale, int thickness, bool below = false)
    {
        var size = ImageDrawing.MeasureText(text, fontScale, thickness);
        int h = size.Height + 3;
        bool above = !below && y - h >= 0;
        int top = above ? y - h : y;
        image.FillRectangle(x, top, x + size.Width, top + h, color);
        image.DrawText(text, x, top + size.Height + 1, fontScale, s_white, thickness);
    }
}
