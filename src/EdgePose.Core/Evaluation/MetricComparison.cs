namespace EdgePose.Core.Evaluation;

/// <summary>
/// Pairs the metrics of two runs by group and name: A's metrics in A's order, then those only B has. A value
/// missing on one side is NaN, and so is its difference.
/// </summary>
public static class MetricComparison
{
    public static IReadOnlyList<MetricDifference> Compare(IReadOnlyList<NamedMetric> a, IReadOnlyList<NamedMetric> b)
    {
        var bByKey = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in b)
        {
            bByKey.TryAdd(m.Key, m.Value);
        }

        var rows = new List<MetricDifference>(Math.Max(a.Count, b.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in a)
        {
            if (seen.Add(m.Key))
            {
                rows.Add(new MetricDifference(m.Group, m.Name, m.Value, bByKey.TryGetValue(m.Key, out var v) ? v : double.NaN));
            }
        }

        foreach (var m in b)
        {
            if (seen.Add(m.Key))
            {
                rows.Add(new MetricDifference(m.Group, m.Name, double.NaN, m.Value));
            }
        }

        return rows;
    }
}
