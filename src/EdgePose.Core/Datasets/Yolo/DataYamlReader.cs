using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Reads <see cref="DataYaml"/> from YAML text. Only the shape of the keys is checked here (a list where a
/// list belongs, integers where integers belong); errors are <see cref="FormatException"/>s "source:line: ...".
/// </summary>
public static class DataYamlReader
{
    public static DataYaml Parse(string yaml, string source)
    {
        var root = LoadMapping(yaml, source);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, _) in root.Children)
        {
            if (k is YamlScalarNode { Value: { } name })
            {
                lines[name] = (int)k.Start.Line;
            }
        }

        return new DataYaml
        {
            Source = source,
            RootPath = ScalarOrNull(root, "path", source),
            Train = PathList(root, "train", source),
            Val = PathList(root, "val", source),
            Test = PathList(root, "test", source),
            Names = Names(root, source),
            KptShape = IntList(root, "kpt_shape", source),
            FlipIdx = IntList(root, "flip_idx", source),
            KeypointNames = StringList(root, "keypoint_names", source) ?? KptNamesOfFirstClass(root, source),
            KeyLines = lines,
        };
    }

    /// <summary>The top-level mapping of a YAML document.</summary>
    internal static YamlMappingNode LoadMapping(string yaml, string source)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new FormatException($"{source}: expected a YAML mapping at the top");
            }

            return map;
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}:{e.Start.Line}: invalid YAML: {e.Message}", e);
        }
    }

    /// <summary>
    /// Class names from 'names': a list, or a mapping of class index to name with indices 0..n-1.
    /// </summary>
    internal static IReadOnlyList<string> Names(YamlMappingNode root, string source)
    {
        switch (Node(root, "names"))
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                return seq.Children.Select(c => ScalarOf(c, "names", source)).ToArray();
            case YamlMappingNode map:
                var byIndex = new SortedDictionary<int, string>();
                foreach (var (k, v) in map.Children)
                {
                    var ks = ScalarOf(k, "names", source);
                    if (!int.TryParse(ks, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) || i < 0 || !byIndex.TryAdd(i, ScalarOf(v, "names", source)))
                    {
                        throw new FormatException($"{source}:{k.Start.Line}: 'names' key '{ks}' is not a new class index");
                    }
                }

                if (byIndex.Count > 0 && byIndex.Keys.Last() != byIndex.Count - 1)
                {
                    throw new FormatException($"{source}:{map.Start.Line}: 'names' class indices must be 0..{byIndex.Count - 1} without gaps");
                }

                return byIndex.Values.ToArray();
            case var n:
                throw new FormatException($"{source}:{n.Start.Line}: 'names' must be a list or a mapping of class index to name");
        }
    }

    internal static YamlNode? Node(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var n) && !IsNull(n) ? n : null;

    internal static string ScalarOf(YamlNode n, string key, string source) =>
        n is YamlScalarNode { Value: { } v } ? v : throw new FormatException($"{source}:{n.Start.Line}: '{key}' holds a non-scalar entry");

    internal static string? ScalarOrNull(YamlMappingNode root, string key, string source) => Node(root, key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var n => throw new FormatException($"{source}:{n.Start.Line}: '{key}' must be a single value"),
    };

    internal static List<string>? StringList(YamlMappingNode root, string key, string source) => Node(root, key) switch
    {
        null => null,
        YamlSequenceNode seq => seq.Children.Select(c => ScalarOf(c, key, source)).ToList(),
        var n => throw new FormatException($"{source}:{n.Start.Line}: '{key}' must be a list"),
    };

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private static string[] PathList(YamlMappingNode root, string key, string source) => Node(root, key) switch
    {
        null => [],
        YamlScalarNode { Value: { } v } => [v],
        YamlSequenceNode seq => seq.Children.Select(c => ScalarOf(c, key, source)).ToArray(),
        var n => throw new FormatException($"{source}:{n.Start.Line}: '{key}' must be a path or a list of paths"),
    };

    private static List<int>? IntList(YamlMappingNode root, string key, string source) => Node(root, key) switch
    {
        null => null,
        YamlSequenceNode seq => seq.Children.Select(c =>
        {
            var s = ScalarOf(c, key, source);
            return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
                ? v
                : throw new FormatException($"{source}:{c.Start.Line}: '{key}' entry '{s}' is not an integer");
        }).ToList(),
        var n => throw new FormatException($"{source}:{n.Start.Line}: '{key}' must be a list"),
    };

    private static List<string>? KptNamesOfFirstClass(YamlMappingNode root, string source) => Node(root, "kpt_names") switch
    {
        null => null,
        YamlSequenceNode seq => seq.Children.Select(c => ScalarOf(c, "kpt_names", source)).ToList(),
        YamlMappingNode map when map.Children.Count > 0 && map.Children.First().Value is YamlSequenceNode first =>
            first.Children.Select(c => ScalarOf(c, "kpt_names", source)).ToList(),
        var n => throw new FormatException($"{source}:{n.Start.Line}: 'kpt_names' must be a list or a mapping of class to list"),
    };
}
