using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Writes an Ultralytics data.yaml: split folders, kpt_shape, flip_idx and names, followed by the rest of
/// the keypoint meta (names, sigmas, skeleton, colours) in the keys <see cref="KeypointMetaYaml"/> reads,
/// which Ultralytics ignores. 'path' is left out so the root is the yaml's own folder.
/// </summary>
public static partial class DataYamlWriter
{
    public static string Write(
        KeypointMeta meta,
        IReadOnlyList<string> classNames,
        IReadOnlyDictionary<string, string> splits,
        IEnumerable<string>? comments = null)
    {
        var sb = new StringBuilder();
        foreach (var c in comments ?? [])
        {
            sb.Append("# ").Append(c.ReplaceLineEndings(" ")).Append('\n');
        }

        foreach (var split in new[] { "train", "val", "test" })
        {
            if (splits.TryGetValue(split, out var folder))
            {
                sb.Append(split).Append(": ").Append(Quote(folder)).Append('\n');
            }
        }

        sb.Append('\n');
        sb.Append("kpt_shape: [").Append(meta.KeypointCount).Append(", ").Append(meta.Dims).Append("]\n");
        sb.Append("flip_idx: ").Append(List(meta.FlipIndex.Select(i => i.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        sb.Append("names:\n");
        for (int i = 0; i < classNames.Count; i++)
        {
            sb.Append("  ").Append(i).Append(": ").Append(Quote(classNames[i])).Append('\n');
        }

        sb.Append("\n# Keypoint meta for EdgePose (Ultralytics ignores these keys).\n");
        sb.Append("dataset_name: ").Append(Quote(meta.DatasetName)).Append('\n');
        sb.Append("keypoint_names: ").Append(List(meta.KeypointNames.Select(Quote))).Append('\n');
        sb.Append("sigmas: ").Append(List(meta.Sigmas.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        if (meta.Skeleton.Count > 0)
        {
            sb.Append("skeleton: ").Append(List(meta.Skeleton.Select(l => $"[{l.From}, {l.To}]"))).Append('\n');
            sb.Append("link_colors: ").Append(List(meta.Skeleton.Select(l => Rgb(l.Color)))).Append('\n');
        }

        sb.Append("keypoint_colors: ").Append(List(meta.KeypointColors.Select(Rgb))).Append('\n');
        return sb.ToString();
    }

    /// <summary>A YAML scalar: plain when that reads back as the same string, otherwise single-quoted.</summary>
    public static string Quote(string s) =>
        PlainSafe().IsMatch(s) && !LooksTyped().IsMatch(s) ? s : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Rgb(Rgb c) => $"[{c.R}, {c.G}, {c.B}]";

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^([-+]?[0-9._]+([eE][-+]?[0-9]+)?|true|false|yes|no|on|off|null|~|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}
