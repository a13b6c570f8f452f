using System.Globalization;
using EdgePose.Core.Meta;
using EdgePose.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Reads <see cref="DataYaml"/> from YAML text. Only the shape of the keys is checked here (a list where a
/// list belongs, integers where integers belong); errors are <see cref="FormatException"/>s "source:line: ...".
/// The keypoint keys are read as <see cref="KeypointMetaYaml"/> reads them.
/// </summary>
public static class DataYamlReader
{
    public static DataYaml Parse(string yaml, string source)
    {
        var keys = Load(yaml, source);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, _) in keys.Root.Children)
        {
            if (k is YamlScalarNode { Value: { } name })
            {
                lines[name] = (int)k.Start.Line;
            }
        }

        return new DataYaml
        {
            Source = source,
            RootPath = keys.Scalar("path"),
            Train = PathList(keys, "train"),
            Val = PathList(keys, "val"),
            Test = PathList(keys, "test"),
            Names = Names(keys),
            KptShape = KeypointMetaYaml.KptShape(keys),
            FlipIdx = KeypointMetaYaml.FlipIdx(keys),
            KeypointNames = KeypointMetaYaml.KeypointNames(keys),
            KeyLines = lines,
        };
    }

    /// <summary>The top-level keys of a data.yaml-like file, with errors as "source:line: ...".</summary>
    internal static YamlKeys Load(string yaml, string source) => YamlKeys.Load(yaml, source, YamlKeys.LineStyle.BeforeProblem);

    /// <summary>
    /// Class names from 'names': a list, or a mapping of class index to name with indices 0..n-1.
    /// </summary>
    internal static IReadOnlyList<string> Names(YamlKeys keys)
    {
        switch (keys.Node("names"))
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                return seq.Children.Select(c => keys.ScalarOf(c, "names")).ToArray();
            case YamlMappingNode map:
                var byIndex = new SortedDictionary<int, string>();
                foreach (var (k, v) in map.Children)
                {
                    var ks = keys.ScalarOf(k, "names");
                    if (!int.TryParse(ks, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) || i < 0 || !byIndex.TryAdd(i, keys.ScalarOf(v, "names")))
                    {
                        throw keys.Error(k, $"'names' key '{ks}' is not a new class index");
                    }
                }

                if (byIndex.Count > 0 && byIndex.Keys.Last() != byIndex.Count - 1)
                {
                    throw keys.Error(map, $"'names' class indices must be 0..{byIndex.Count - 1} without gaps");
                }

                return byIndex.Values.ToArray();
            case var n:
                throw keys.Error(n, "'names' must be a list or a mapping of class index to name");
        }
    }

    private static string[] PathList(YamlKeys keys, string key) => keys.Node(key) switch
    {
        null => [],
        YamlScalarNode { Value: { } v } => [v],
        YamlSequenceNode seq => seq.Children.Select(c => keys.ScalarOf(c, key)).ToArray(),
        var n => throw keys.Error(n, $"'{key}' must be a path or a list of paths"),
    };
}
