using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Meta;

/// <summary>
/// Reads <see cref="KeypointMeta"/> from YAML text: an Ultralytics data.yaml (kpt_shape, flip_idx,
/// optional kpt_names) or our meta file, which adds keypoint_names, sigmas, skeleton and colours.
/// Whatever the text leaves out is filled as Ultralytics does: COCO-17 facts for K = 17, otherwise
/// uniform sigmas 1/K, identity flip and no skeleton.
/// </summary>
public static class KeypointMetaYaml
{
    /// <summary>Parses YAML text; <paramref name="source"/> names the file in error messages.</summary>
    public static KeypointMeta Parse(string yaml, string source = "yaml")
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new FormatException($"{source}: expected a YAML mapping at the top");
            }

            root = map;
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        var shape = IntList(root, "kpt_shape", source);
        var names = StringList(root, "keypoint_names", source) ?? KptNamesOfFirstClass(root, source);
        int k = shape?[0] ?? names?.Count ?? throw new FormatException($"{source}: kpt_shape is missing");
        if (shape is not null && shape.Count != 2)
        {
            throw new FormatException($"{source}: kpt_shape must be [K, D], got {shape.Count} values");
        }

        int dims = shape?[1] ?? 3;
        if (k <= 0 || dims is not (2 or 3))
        {
            throw new FormatException($"{source}: kpt_shape [{k}, {dims}] must have K > 0 and D of 2 or 3");
        }

        // Lazy: the embedded COCO-17 file names everything, so reading it never asks for defaults.
        var defaults = new Lazy<KeypointMeta>(() => KeypointMeta.ForKeypointCount(k, dims));
        if (names is not null && names.Count != k)
        {
            throw new FormatException($"{source}: {names.Count} keypoint names for kpt_shape K = {k}");
        }

        var skeleton = IntPairs(root, "skeleton", source);
        var linkColors = Colors(root, "link_colors", source);
        IReadOnlyList<SkeletonLink> links;
        if (skeleton is null)
        {
            links = defaults.Value.Skeleton;
        }
        else
        {
            if (linkColors is not null && linkColors.Count != skeleton.Count)
            {
                throw new FormatException($"{source}: {linkColors.Count} link_colors for {skeleton.Count} skeleton links");
            }

            links = skeleton.Select((p, i) => new SkeletonLink(p.A, p.B, linkColors?[i] ?? KeypointMeta.DefaultColor)).ToArray();
        }

        var meta = new KeypointMeta
        {
            DatasetName = Scalar(root, "dataset_name") ?? defaults.Value.DatasetName,
            Dims = dims,
            KeypointNames = names ?? defaults.Value.KeypointNames,
            FlipIndex = IntList(root, "flip_idx", source) ?? defaults.Value.FlipIndex,
            Sigmas = DoubleList(root, "sigmas", source) ?? defaults.Value.Sigmas,
            Skeleton = links,
            KeypointColors = Colors(root, "keypoint_colors", source) ?? defaults.Value.KeypointColors,
        };
        try
        {
            meta.Validate();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }

        return meta;
    }

    internal static KeypointMeta LoadEmbedded(string name)
    {
        var asm = typeof(KeypointMetaYaml).Assembly;
        using var s = asm.GetManifestResourceStream($"EdgePose.Core.Meta.Datasets.{name}.yaml")
            ?? throw new InvalidOperationException($"embedded meta '{name}' is missing");
        using var reader = new StreamReader(s);
        return Parse(reader.ReadToEnd(), $"{name}.yaml");
    }

    private static YamlNode? Node(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var n) && !IsNull(n) ? n : null;

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private static string? Scalar(YamlMappingNode root, string key) => (Node(root, key) as YamlScalarNode)?.Value;

    private static YamlSequenceNode? Sequence(YamlMappingNode root, string key, string source) => Node(root, key) switch
    {
        null => null,
        YamlSequenceNode seq => seq,
        var n => throw new FormatException($"{source}: '{key}' must be a list (line {n.Start.Line})"),
    };

    private static List<string>? StringList(YamlMappingNode root, string key, string source) =>
        Sequence(root, key, source)?.Children.Select(c => ScalarOf(c, key, source)).ToList();

    private static List<int>? IntList(YamlMappingNode root, string key, string source) =>
        Sequence(root, key, source)?.Children.Select(c => ParseInt(ScalarOf(c, key, source), key, c, source)).ToList();

    private static List<double>? DoubleList(YamlMappingNode root, string key, string source) =>
        Sequence(root, key, source)?.Children.Select(c => ParseDouble(ScalarOf(c, key, source), key, c, source)).ToList();

    private static List<(int A, int B)>? IntPairs(YamlMappingNode root, string key, string source) =>
        Sequence(root, key, source)?.Children.Select(c =>
        {
            var v = c is YamlSequenceNode s && s.Children.Count == 2
                ? s.Children.Select(x => ParseInt(ScalarOf(x, key, source), key, x, source)).ToArray()
                : throw new FormatException($"{source}: each '{key}' entry must be a pair [a, b] (line {c.Start.Line})");
            return (v[0], v[1]);
        }).ToList();

    private static List<Rgb>? Colors(YamlMappingNode root, string key, string source) =>
        Sequence(root, key, source)?.Children.Select(c =>
        {
            if (c is not YamlSequenceNode s || s.Children.Count != 3)
            {
                throw new FormatException($"{source}: each '{key}' entry must be [r, g, b] (line {c.Start.Line})");
            }

            var v = s.Children.Select(x => ParseInt(ScalarOf(x, key, source), key, x, source)).ToArray();
            if (v.Any(x => x is < 0 or > 255))
            {
                throw new FormatException($"{source}: '{key}' values must be 0..255 (line {c.Start.Line})");
            }

            return new Rgb((byte)v[0], (byte)v[1], (byte)v[2]);
        }).ToList();

    /// <summary>Ultralytics' optional <c>kpt_names: {0: [nose, ...]}</c>, per class; the first class's list.</summary>
    private static List<string>? KptNamesOfFirstClass(YamlMappingNode root, string source)
    {
        var node = Node(root, "kpt_names");
        return node switch
        {
            null => null,
            YamlSequenceNode seq => seq.Children.Select(c => ScalarOf(c, "kpt_names", source)).ToList(),
            YamlMappingNode map when map.Children.Count > 0 && map.Children.First().Value is YamlSequenceNode first =>
                first.Children.Select(c => ScalarOf(c, "kpt_names", source)).ToList(),
            _ => throw new FormatException($"{source}: 'kpt_names' must be a list or a mapping of class to list (line {node.Start.Line})"),
        };
    }

    private static string ScalarOf(YamlNode n, string key, string source) =>
        n is YamlScalarNode { Value: { } v } ? v : throw new FormatException($"{source}: '{key}' holds a non-scalar entry (line {n.Start.Line})");

    private static int ParseInt(string s, string key, YamlNode n, string source) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{source}: '{key}' entry '{s}' is not an integer (line {n.Start.Line})");

    private static double ParseDouble(string s, string key, YamlNode n, string source) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{source}: '{key}' entry '{s}' is not a number (line {n.Start.Line})");
}
