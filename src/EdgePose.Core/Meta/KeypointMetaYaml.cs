using EdgePose.Core.Yaml;
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
        var keys = YamlKeys.Load(yaml, source, YamlKeys.LineStyle.AfterProblem);
        var shape = KptShape(keys);
        var names = KeypointNames(keys);
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

        var skeleton = IntPairs(keys, "skeleton");
        var linkColors = Colors(keys, "link_colors");
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
            DatasetName = (keys.Node("dataset_name") as YamlScalarNode)?.Value ?? defaults.Value.DatasetName,
            Dims = dims,
            KeypointNames = names ?? defaults.Value.KeypointNames,
            FlipIndex = FlipIdx(keys) ?? defaults.Value.FlipIndex,
            Sigmas = keys.DoubleList("sigmas") ?? defaults.Value.Sigmas,
            Skeleton = links,
            KeypointColors = Colors(keys, "keypoint_colors") ?? defaults.Value.KeypointColors,
        };
        return meta.Validated(source);
    }

    internal static KeypointMeta LoadEmbedded(string name)
    {
        var asm = typeof(KeypointMetaYaml).Assembly;
        using var s = asm.GetManifestResourceStream($"EdgePose.Core.Meta.Datasets.{name}.yaml")
            ?? throw new InvalidOperationException($"embedded meta '{name}' is missing");
        using var reader = new StreamReader(s);
        return Parse(reader.ReadToEnd(), $"{name}.yaml");
    }

    /// <summary>kpt_shape as written: [K, D].</summary>
    internal static List<int>? KptShape(YamlKeys keys) => keys.IntList("kpt_shape");

    /// <summary>flip_idx as written: the mirror keypoint of each keypoint.</summary>
    internal static List<int>? FlipIdx(YamlKeys keys) => keys.IntList("flip_idx");

    /// <summary>keypoint_names, else Ultralytics' optional <c>kpt_names: {0: [nose, ...]}</c> (per class; the first class's list).</summary>
    internal static List<string>? KeypointNames(YamlKeys keys)
    {
        if (keys.StringList("keypoint_names") is { } names)
        {
            return names;
        }

        return keys.Node("kpt_names") switch
        {
            null => null,
            YamlSequenceNode seq => seq.Children.Select(c => keys.ScalarOf(c, "kpt_names")).ToList(),
            YamlMappingNode map when map.Children.Count > 0 && map.Children.First().Value is YamlSequenceNode first =>
                first.Children.Select(c => keys.ScalarOf(c, "kpt_names")).ToList(),
            var n => throw keys.Error(n, "'kpt_names' must be a list or a mapping of class to list"),
        };
    }

    private static List<(int A, int B)>? IntPairs(YamlKeys keys, string key) =>
        keys.Sequence(key)?.Children.Select(c =>
        {
            var v = c is YamlSequenceNode s && s.Children.Count == 2
                ? s.Children.Select(x => keys.IntOf(x, key)).ToArray()
                : throw keys.Error(c, $"each '{key}' entry must be a pair [a, b]");
            return (v[0], v[1]);
        }).ToList();

    private static List<Rgb>? Colors(YamlKeys keys, string key) =>
        keys.Sequence(key)?.Children.Select(c =>
        {
            if (c is not YamlSequenceNode s || s.Children.Count != 3)
            {
                throw keys.Error(c, $"each '{key}' entry must be [r, g, b]");
            }

            var v = s.Children.Select(x => keys.IntOf(x, key)).ToArray();
            if (v.Any(x => x is < 0 or > 255))
            {
                throw keys.Error(c, $"'{key}' values must be 0..255");
            }

            return new Rgb((byte)v[0], (byte)v[1], (byte)v[2]);
        }).ToList();
}
