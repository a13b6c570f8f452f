namespace EdgePose.Core.Datasets.Splits;

/// <summary>
/// Decides which split each image goes to. Items are sorted by key, shuffled with the seed and cut by the
/// ratios, so the same files and seed always give the same split whatever order they were listed in.
/// Stratified, each group (source folder) is cut by the ratios on its own, so every folder is represented
/// in each split as far as its size allows; groups are taken in name order from one random stream.
/// </summary>
public static class SplitPlanner
{
    public const string Train = "train";
    public const string Val = "val";
    public const string Test = "test";

    /// <summary>Key → "train", "val" or "test".</summary>
    public static IReadOnlyDictionary<string, string> Plan(IReadOnlyList<SplitItem> items, SplitRatios ratios, ulong seed, bool stratify)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in items)
        {
            if (!keys.Add(i.Key))
            {
                throw new ArgumentException($"split item '{i.Key}' is listed twice", nameof(items));
            }
        }

        var rng = new SeededShuffle(seed);
        var plan = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = stratify
            ? items.GroupBy(i => i.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList())
            : [items.ToList()];
        foreach (var group in groups)
        {
            var list = group.Select(i => i.Key).Order(StringComparer.Ordinal).ToList();
            rng.Shuffle(list);
            var (train, val, _) = ratios.Counts(list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                plan[list[i]] = i < train ? Train : i < train + val ? Val : Test;
            }
        }

        return plan;
    }
}
