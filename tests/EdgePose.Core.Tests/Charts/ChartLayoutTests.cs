using EdgePose.Core.Charts;

namespace EdgePose.Core.Tests.Charts;

public class ChartLayoutTests
{
    private const int W = 800, H = 600;

    [Fact]
    public void Line_chart_draws_each_series_inside_the_plot_and_names_it_in_the_legend()
    {
        var a = new ChartSeries("OKS 0.50", ChartPalette.Series(0), [0, 0.5, 1], [1, 0.5, 0]);
        var b = new ChartSeries("OKS 0.95", ChartPalette.Series(1), [0, 0.5, 1], [0.2, 0.1, 0]);

        var e = LineChart.Layout(W, H, "PR", "recall", "precision", [a, b], (0, 1), (0, 1));

        var aLines = e.Where(x => x.Kind == ChartElementKind.Line && x.Color == a.Color && x.Thickness == 2).ToList();
        Assert.Equal(3, aLines.Count); // two segments and the legend swatch
        Assert.Contains(e, x => x.Kind == ChartElementKind.Text && x.Text == "OKS 0.95");
        Assert.Contains(e, x => x.Kind == ChartElementKind.Text && x.Text == "PR");
        Assert.All(e, x => Assert.True(x.X1 >= 0 && x.X1 <= W && x.Y1 >= 0 && x.Y1 <= H, $"{x} outside the canvas"));
        // y up: precision 1 at recall 0 is higher on the canvas than precision 0.5 at recall 0.5.
        Assert.True(aLines[0].Y1 < aLines[0].Y2);
    }

    [Fact]
    public void Undefined_points_break_the_line_instead_of_drawing_them()
    {
        var s = new ChartSeries("s", ChartPalette.Series(0), [0, 0.25, 0.5, 0.75, 1], [1, -1, 0.5, 0.4, double.NaN]);

        var e = LineChart.Layout(W, H, "t", "x", "y", [s], (0, 1), (0, 1));

        Assert.Equal(2, e.Count(x => x.Kind == ChartElementKind.Line && x.Color == s.Color)); // 0.5→0.75 and the swatch
    }

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values_and_missing_values_say_na()
    {
        var e = BarChart.Layout(W, H, "err", "value", ["a", "b", "c"], [0.1, 0.2, double.NaN], "0.00");

        var bars = e.Where(x => x.Kind == ChartElementKind.FilledRectangle).ToList();
        Assert.Equal(2, bars.Count);
        double ratio = (double)(bars[1].X2 - bars[1].X1 + 1) / (bars[0].X2 - bars[0].X1 + 1);
        Assert.InRange(ratio, 1.95, 2.05);
        Assert.Contains(e, x => x.Kind == ChartElementKind.Text && x.Text == "n/a");
        Assert.Contains(e, x => x.Kind == ChartElementKind.Text && x.Text == "0.20");
        Assert.Contains(e, x => x.Kind == ChartElementKind.Text && x.Text == "c" && x.Anchor == TextAnchor.Right);
    }

    [Fact]
    public void Bar_chart_needs_one_value_per_name()
    {
        Assert.Throws<ArgumentException>(() => BarChart.Layout(W, H, "t", "v", ["a"], [1, 2], "0"));
    }
}
