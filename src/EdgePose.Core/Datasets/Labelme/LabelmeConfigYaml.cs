using EdgePose.Core.Datasets.Yolo;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// Reads <see cref="LabelmeConfig"/> from YAML. The same file is a keypoint meta file (kpt_shape or
/// keypoint_names, flip_idx, skeleton...) for <see cref="Meta.KeypointMetaYaml"/>, plus:
/// <code>
/// names: [dog]                 # rectangle labels = classes (or {0: dog})
/// keypoint_labels: {snout: nose}   # labelme point label → keypoint name, where they differ
/// hidden_suffix: _hidden        # "nose_hidden" is nose with v=1
/// hidden_flag: occluded         # or a shape flag that means hidden
/// </code>
/// </summary>
public static class LabelmeConfigYaml
{
    public static LabelmeConfig Parse(string yaml, string source)
    {
        var root = DataYamlReader.LoadMapping(yaml, source);
        var names = DataYamlReader.Names(root, source);
        if (names.Count == 0)
        {
            throw new FormatException($"{source}: 'names' is missing: list the rectangle labels (classes)");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (DataYamlReader.Node(root, "keypoint_labels"))
        {
            case null:
                break;
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    var label = DataYamlReader.ScalarOf(k, "keypoint_labels", source);
                    if (!map.TryAdd(label, DataYamlReader.ScalarOf(v, "keypoint_labels", source)))
                    {
                        throw new FormatException($"{source}:{k.Start.Line}: keypoint_labels names '{label}' twice");
                    }
                }

                break;
            case var n:
                throw new FormatException($"{source}:{n.Start.Line}: 'keypoint_labels' must be a mapping of labelme label to keypoint name");
        }

        var suffix = DataYamlReader.ScalarOrNull(root, "hidden_suffix", source);
        return new LabelmeConfig
        {
            ClassNames = names,
            KeypointLabels = map,
            HiddenSuffix = string.IsNullOrEmpty(suffix) ? null : suffix,
            HiddenFlag = DataYamlReader.ScalarOrNull(root, "hidden_flag", source),
        };
    }
}
