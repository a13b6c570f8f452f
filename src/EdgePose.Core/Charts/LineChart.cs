namespace EdgePose.Core.Charts;

/// <summary>
/// Layout of a line chart (precision–recall curves): series drawn as polylines in a plot area with ticks,
/// and a legend to the right of it, one row per series.
/// </summary>
public static class LineChart
{
    private const int LegendWidth = 230;

    public static List<ChartElement> Layout(
        int width,
        int height,
        string title,
        string xTitle,
        string yTitle,
        IReadOnlyList<ChartSeries> series,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange)
    {
        var frame = new ChartFrame(70, 70, width - LegendWidth - 20, height - 70, xRange.Min, xRange.Max, yRange.Min, yRange.Max);
        var e = new List<ChartElement>();
        var xTicks = NiceTicks.Values(xRange.Min, xRange.Max, NiceTicks.Step(xRange.Min, xRange.Max));
        var yTicks = NiceTicks.Values(yRange.Min, yRange.Max, NiceTicks.Step(yRange.Min, yRange.Max));
        frame.AddAxes(e, title, xTitle, yTitle, xTicks, yTicks, "0.0#", "0.0#");
        for (int s = 0; s < series.Count; s++)
        {
            AddPolyline(e, frame, series[s]);
        }

        int row = ChartFrame.TextHeight(ChartFrame.LabelScale) + 10;
        int lx = frame.Right + 20;
        for (int s = 0; s < series.Count; s++)
        {
            int y = frame.Top + 10 + (s * row);
            e.Add(ChartElement.Line(lx, y, lx + 24, y, series[s].Color, 2));
            e.Add(ChartElement.Label(series[s].Name, lx + 32, y + (ChartFrame.TextHeight(ChartFrame.LabelScale) / 2), ChartFrame.LabelScale, ChartPalette.Text));
        }

        return e;
    }

    private static void AddPolyline(List<ChartElement> e, ChartFrame frame, ChartSeries s)
    {
        if (s.X.Count != s.Y.Count)
        {
            throw new ArgumentException($"series '{s.Name}' has {s.X.Count} x and {s.Y.Count} y values");
        }

        int? px = null, py = null;
        for (int i = 0; i < s.X.Count; i++)
        {
            double y = s.Y[i];
            if (double.IsNaN(y) || y < 0 || double.IsNaN(s.X[i]))
            {
                px = py = null;
                continue;
            }

            int x1 = frame.X(s.X[i]), y1 = frame.Y(y);
            if (px is int x0 && py is int y0 && (x0 != x1 || y0 != y1))
            {
                e.Add(ChartElement.Line(x0, y0, x1, y1, s.Color, 2));
            }

            (px, py) = (x1, y1);
        }
    }
}
