using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgePose.Core.Evaluation;

namespace EdgePose.Host.Val;

/// <summary>
/// `edgepose val --compare A B`: every metric of the two runs side by side with B − A, as a Markdown table
/// (also printed) and as json.
/// </summary>
public static class ValComparisonReport
{
    public static IReadOnlyList<MetricDifference> Rows(ValResult a, ValResult b) => MetricComparison.Compare(a.Metrics(), b.Metrics());

    public static string Markdown(ValResult a, ValResult b)
    {
        var s = new StringBuilder();
        s.AppendLine("# edgepose val --compare").AppendLine();
        s.AppendLine($"- A: `{a.Model}` ({a.Engine})");
        s.AppendLine($"- B: `{b.Model}` ({b.Engine})");
        s.AppendLine($"- data: `{a.Data.Source}` ({a.Data.Format}, {a.Data.Images.Count} images)");
        s.AppendLine("- settings: " + ValSummaryMarkdown.Settings(a)).AppendLine();
        s.Append(Table(a, b));
        return s.ToString();
    }

    /// <summary>The side-by-side table alone (what stdout shows).</summary>
    public static string Table(ValResult a, ValResult b)
    {
        var s = new StringBuilder();
        s.AppendLine("| metric | A | B | B - A |");
        s.AppendLine("|---|---|---|---|");
        foreach (var row in Rows(a, b))
        {
            string f = row.Group is "time_ms" ? "F2" : row.Group is "count" ? "F0" : "F4";
            s.AppendLine($"| {row.Group} {row.Name} | {Format(row.A, f)} | {Format(row.B, f)} | {Signed(row.Difference, f)} |");
        }

        return s.ToString();
    }

    public static void WriteJson(Utf8JsonWriter w, ValResult a, ValResult b)
    {
        w.WriteStartObject();
        w.WriteString("a", a.Model);
        w.WriteString("a_engine", a.Engine);
        w.WriteString("b", b.Model);
        w.WriteString("b_engine", b.Engine);
        w.WriteString("data", a.Data.Source);
        w.WriteBoolean("flip", a.Options.Flip);
        w.WriteStartArray("metrics");
        foreach (var row in Rows(a, b))
        {
            w.WriteStartObject();
            w.WriteString("group", row.Group);
            w.WriteString("name", row.Name);
            w.WriteMetric("a", row.A);
            w.WriteMetric("b", row.B);
            w.WriteMetric("b_minus_a", row.Difference);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Format(double v, string f) => double.IsFinite(v) ? v.ToString(f, CultureInfo.InvariantCulture) : "n/a";

    private static string Signed(double v, string f) => double.IsFinite(v) ? (v >= 0 ? "+" : "") + v.ToString(f, CultureInfo.InvariantCulture) : "n/a";
}
