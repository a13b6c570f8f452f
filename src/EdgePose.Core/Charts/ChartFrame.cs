using System.Globalization;

namespace EdgePose.Core.Charts;

/// <summary>
/// The plot area of a chart inside its canvas and the mapping of data values to pixels, with the common
/// furniture: title, frame, grid lines and tick labels at the given ticks, axis titles.
/// </summary>
public sealed class ChartFrame
{
    public const double TitleScale = 0.6;

    public const double LabelScale = 0.45;

    private readonly double _xMin, _xMax, _yMin, _yMax;

    public ChartFrame(int left, int top, int right, int bottom, double xMin, double xMax, double yMin, double yMax)
    {
        if (right <= left || bottom <= top)
        {
            throw new ArgumentException($"plot area {left},{top}..{right},{bottom} is empty; make the chart larger");
        }

        if (!(xMax > xMin) || !(yMax > yMin))
        {
            throw new ArgumentException($"axis ranges x {xMin}..{xMax}, y {yMin}..{yMax} must be increasing");
        }

        (Left, Top, Right, Bottom) = (left, top, right, bottom);
        (_xMin, _xMax, _yMin, _yMax) = (xMin, xMax, yMin, yMax);
    }

    public int Left { get; }

    public int Top { get; }

    public int Right { get; }

    public int Bottom { get; }

    /// <summary>Pixel height of text at a font scale (Hershey Simplex capitals are about 22 px at scale 1).</summary>
    public static int TextHeight(double fontScale) => (int)Math.Round(22 * fontScale);

    public int X(double value) => Left + (int)Math.Round((Math.Clamp(value, _xMin, _xMax) - _xMin) / (_xMax - _xMin) * (Right - Left));

    public int Y(double value) => Bottom - (int)Math.Round((Math.Clamp(value, _yMin, _yMax) - _yMin) / (_yMax - _yMin) * (Bottom - Top));

    /// <summary>Title centred above the plot, vertical grid and labels at <paramref name="xTicks"/>, horizontal at <paramref name="yTicks"/>, then the frame.</summary>
    public void AddAxes(List<ChartElement> e, string title, string xTitle, string yTitle, IReadOnlyList<double> xTicks, IReadOnlyList<double> yTicks, string xFormat, string yFormat)
    {
        int label = TextHeight(LabelScale);
        e.Add(ChartElement.Label(title, (Left + Right) / 2, Top - 14 - label - 8, TitleScale, ChartPalette.Text, TextAnchor.Center));
        foreach (var t in xTicks)
        {
            int x = X(t);
            e.Add(ChartElement.Line(x, Top, x, Bottom, ChartPalette.Grid));
            e.Add(ChartElement.Label(t.ToString(xFormat, CultureInfo.InvariantCulture), x, Bottom + 8 + label, LabelScale, ChartPalette.Text, TextAnchor.Center));
        }

        foreach (var t in yTicks)
        {
            int y = Y(t);
            e.Add(ChartElement.Line(Left, y, Right, y, ChartPalette.Grid));
            e.Add(ChartElement.Label(t.ToString(yFormat, CultureInfo.InvariantCulture), Left - 8, y + (label / 2), LabelScale, ChartPalette.Text, TextAnchor.Right));
        }

        e.Add(ChartElement.Rectangle(Left, Top, Right, Bottom, ChartPalette.Frame));
        if (xTitle.Length > 0)
        {
            e.Add(ChartElement.Label(xTitle, (Left + Right) / 2, Bottom + 16 + (2 * label) + 6, LabelScale, ChartPalette.Text, TextAnchor.Center));
        }

        if (yTitle.Length > 0)
        {
            e.Add(ChartElement.Label(yTitle, Left, Top - 8, LabelScale, ChartPalette.Text, TextAnchor.Left));
        }
    }
}
