using System.Globalization;

namespace EdgePose.Core.Charts;

/// <summary>
/// Layout of a horizontal bar chart (one bar per keypoint): category names left of the bars, the value at the
/// end of each bar, the value axis at the bottom starting from 0. NaN values get no bar and "n/a".
/// </summary>
public static class BarChart
{
    private const int NameWidth = 170;

    public static List<ChartElement> Layout(int width, int height, string title, string valueTitle, IReadOnlyList<string> names, IReadOnlyList<double> values, string valueFormat)
    {
        if (names.Count != values.Count || names.Count == 0)
        {
            throw new ArgumentException($"a bar chart needs one value per name ({names.Count} names, {values.Count} values)");
        }

        double max = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                max = Math.Max(max, v);
            }
        }

        double step = NiceTicks.Step(0, max > 0 ? max : 1);
        double end = NiceTicks.CeilTo(max > 0 ? max * 1.08 : 1, step);
        var frame = new ChartFrame(NameWidth, 70, width - 40, height - 70, 0, end, 0, names.Count);
        var e = new List<ChartElement>();
        frame.AddAxes(e, title, valueTitle, "", NiceTicks.Values(0, end, step), [], StepFormat(step), "0");
        int text = ChartFrame.TextHeight(ChartFrame.LabelScale);
        double slot = (double)(frame.Bottom - frame.Top) / names.Count;
        int half = Math.Max(1, (int)(slot * 0.35));
        for (int i = 0; i < names.Count; i++)
        {
            int cy = frame.Top + (int)Math.Round((i + 0.5) * slot);
            e.Add(ChartElement.Label(names[i], frame.Left - 8, cy + (text / 2), ChartFrame.LabelScale, ChartPalette.Text, TextAnchor.Right));
            double v = values[i];
            if (!double.IsFinite(v))
            {
                e.Add(ChartElement.Label("n/a", frame.Left + 6, cy + (text / 2), ChartFrame.LabelScale, ChartPalette.Frame));
                continue;
            }

            int x = frame.X(v);
            if (x > frame.Left)
            {
                e.Add(ChartElement.Fill(frame.Left + 1, cy - half, x, cy + half, ChartPalette.Bar));
            }

            e.Add(ChartElement.Label(v.ToString(valueFormat, CultureInfo.InvariantCulture), x + 6, cy + (text / 2), ChartFrame.LabelScale, ChartPalette.Text));
        }

        return e;
    }

    private static string StepFormat(double step) => step >= 1 ? "0" : step >= 0.1 ? "0.0" : step >= 0.01 ? "0.00" : "0.000";
}
