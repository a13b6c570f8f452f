using EdgePose.Core.Meta;

namespace EdgePose.Core.Charts;

/// <summary>
/// One drawing step of a chart in canvas pixels (y down), carried out by a painter at the edge (OpenCV).
/// Text is ASCII in a Hershey-like font of <see cref="FontScale"/> (about 22 px tall at scale 1).
/// </summary>
public readonly record struct ChartElement(
    ChartElementKind Kind,
    int X1,
    int Y1,
    int X2,
    int Y2,
    Rgb Color,
    int Thickness = 1,
    string? Text = null,
    double FontScale = 0,
    TextAnchor Anchor = TextAnchor.Left)
{
    public static ChartElement Line(int x1, int y1, int x2, int y2, Rgb color, int thickness = 1) => new(ChartElementKind.Line, x1, y1, x2, y2, color, thickness);

    public static ChartElement Rectangle(int x1, int y1, int x2, int y2, Rgb color, int thickness = 1) => new(ChartElementKind.Rectangle, x1, y1, x2, y2, color, thickness);

    public static ChartElement Fill(int x1, int y1, int x2, int y2, Rgb color) => new(ChartElementKind.FilledRectangle, x1, y1, x2, y2, color);

    public static ChartElement Label(string text, int x, int baseline, double fontScale, Rgb color, TextAnchor anchor = TextAnchor.Left) =>
        new(ChartElementKind.Text, x, baseline, 0, 0, color, 1, text, fontScale, anchor);
}
