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
        var keys = DataYamlReader.Load(yaml, source);
        var names = DataYamlReader.Names(keys);
        if (names.Count == 0)
        {
            throw new FormatException($"{source}: 'names' is missing: list the rectangle labels (classes)");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (keys.Node("keypoint_labels"))
        {
            case null:
                break;
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    var label = keys.ScalarOf(k, "keypoint_labels");
                    if (!map.TryAdd(label, keys.ScalarOf(v, "keypoint_labels")))
                    {
                        throw keys.Error(k, $"keypoint_labels names '{label}' twice");
                    }
                }

                break;
            case var n:
                throw keys.Error(n, "'keypoint_labels' must be a mapping of labelme label to keypoint name");
        }

        var suffix = keys.Scalar("hidden_suffix");
        return new LabelmeConfig
        {
            ClassNames = names,
            KeypointLabels = map,
            HiddenSuffix = string.IsNullOrEmpty(suffix) ? null : suffix,
            HiddenFlag = keys.Scalar("hidden_flag"),
        };
    }
}
