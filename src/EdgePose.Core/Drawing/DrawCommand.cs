using EdgePose.Core.Meta;

namespace EdgePose.Core.Drawing;

/// <summary>
/// One drawing step in pixel coordinates, carried out by whatever draws (OpenCV at the edge). A value type,
/// so a reused list of them costs no allocation per frame; see <see cref="DrawKind"/> for what X1..Y2 mean.
/// </summary>
public readonly record struct DrawCommand(DrawKind Kind, int X1, int Y1, int X2, int Y2, Rgb Color, int Thickness, string? Text = null)
{
    public int Radius => X2;

    public static DrawCommand Rectangle(int x1, int y1, int x2, int y2, Rgb color, int thickness) => new(DrawKind.Rectangle, x1, y1, x2, y2, color, thickness);

    public static DrawCommand Line(int x1, int y1, int x2, int y2, Rgb color, int thickness) => new(DrawKind.Line, x1, y1, x2, y2, color, thickness);

    public static DrawCommand Dot(int x, int y, int radius, Rgb color) => new(DrawKind.FilledCircle, x, y, radius, 0, color, 0);

    public static DrawCommand Ring(int x, int y, int radius, Rgb color, int thickness) => new(DrawKind.Circle, x, y, radius, 0, color, thickness);

    public static DrawCommand Label(string text, int x, int y, Rgb color, int thickness) => new(DrawKind.Label, x, y, 0, 0, color, thickness, text);
}
