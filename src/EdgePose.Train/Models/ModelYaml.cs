using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Train.Models;

/// <summary>One row of a model yaml: [from, repeats, module, args]; from −1 is the previous layer.</summary>
public sealed record LayerSpec(int[] From, int Repeats, string Module, IReadOnlyList<string> Args);

/// <summary>A model scale: repeats are multiplied by Depth, channels by Width and capped at MaxChannels first.</summary>
public sealed record ModelScale(double Depth, double Width, int MaxChannels);

/// <summary>
/// A model description in the layout of Ultralytics' model yaml: nc, kpt_shape, scales (n/s/m/l/x:
/// [depth, width, max_channels]), and the backbone and head as lists of [from, repeats, module, args].
/// The built-in yolov8-pose and yolo11-pose are embedded resources; "yolo11n-pose" or "yolov8s-pose.yaml"
/// names one at a scale. Bad yaml throws <see cref="InvalidDataException"/> with a one-line message.
/// </summary>
public sealed partial record ModelYaml
{
    public required string Name { get; init; }

    public required char Scale { get; init; }

    public int Classes { get; init; }

    public int[] KptShape { get; init; } = [17, 3];

    public required IReadOnlyDictionary<char, ModelScale> Scales { get; init; }

    public required IReadOnlyList<LayerSpec> Layers { get; init; }

    public ModelScale ScaleValues => Scales[Scale];

    /// <summary>The built-in model families (file names of the embedded yaml).</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["yolov8-pose", "yolo11-pose"];

    /// <summary>A built-in model by name: yolov8n-pose, yolo11s-pose.yaml, yolo11-pose (scale n), ...</summary>
    public static ModelYaml Named(string name)
    {
        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
        {
            return FromFile(name);
        }

        var m = NamePattern().Match(Path.GetFileName(name.Trim()));
        if (!m.Success)
        {
            throw new InvalidDataException($"model '{name}' is not one of yolov8[n|s|m|l|x]-pose or yolo11[n|s|m|l|x]-pose (or a model .yaml file)");
        }

        var prefix = m.Groups[1].Value.ToLowerInvariant();
        var family = prefix + "-pose";
        var scale = m.Groups[2].Success ? char.ToLowerInvariant(m.Groups[2].Value[0]) : 'n';
        using var stream = typeof(ModelYaml).Assembly.GetManifestResourceStream($"EdgePose.Train.Models.Yaml.{family}.yaml")
            ?? throw new InvalidOperationException($"embedded model yaml {family}.yaml missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), prefix + scale + "-pose", scale);
    }

    /// <summary>
    /// A model yaml file of one's own. The scale is the letter before "-pose" in its name (my-net-s-pose.yaml →
    /// s), else the file's 'scale' key, else its first scale.
    /// </summary>
    public static ModelYaml FromFile(string path)
    {
        var text = File.ReadAllText(path);
        var stem = Path.GetFileNameWithoutExtension(path);
        var letter = ScaleInName().Match(stem) is { Success: true } sm ? sm.Groups[1].Value[0] : (char?)null;
        if (letter is null)
        {
            var probe = Parse(text, stem, '\0', probeOnly: true);
            letter = probe.Scales.Keys.First();
        }

        return Parse(text, stem, letter.Value);
    }

    /// <summary>A model yaml's text; scale is the letter to build (must be one of its scales).</summary>
    public static ModelYaml Parse(string yaml, string name, char scale) => Parse(yaml, name, scale, probeOnly: false);

    private static ModelYaml Parse(string yaml, string name, char scale, bool probeOnly)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode r
                ? r : throw new InvalidDataException($"model yaml {name}: not a mapping");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"model yaml {name}: {e.Message}");
        }

        var scales = new Dictionary<char, ModelScale>();
        if (Child(root, "scales") is YamlMappingNode sm)
        {
            foreach (var (k, v) in sm.Children)
            {
                var key = ((YamlScalarNode)k).Value ?? string.Empty;
                var vals = v is YamlSequenceNode s ? s.Children.Select(Scalar).ToArray() : [];
                if (key.Length != 1 || vals.Length != 3)
                {
                    throw new InvalidDataException($"model yaml {name}: scale '{key}' must be a letter with [depth, width, max_channels]");
                }

                scales[key[0]] = new ModelScale(Number(vals[0], name), Number(vals[1], name), (int)Number(vals[2], name));
            }
        }
        else
        {
            scales[scale] = new ModelScale(1, 1, int.MaxValue);
        }

        if (probeOnly)
        {
            if (Child(root, "scale") is YamlScalarNode { Value: { Length: 1 } only } && scales.ContainsKey(only[0]))
            {
                scales = new Dictionary<char, ModelScale> { [only[0]] = scales[only[0]] };
            }

            return new ModelYaml { Name = name, Scale = scales.Keys.FirstOrDefault(), Scales = scales, Layers = [] };
        }

        if (!scales.ContainsKey(scale))
        {
            throw new InvalidDataException($"model yaml {name}: no scale '{scale}' (has {string.Join(", ", scales.Keys)})");
        }

        var layers = new List<LayerSpec>();
        foreach (var section in new[] { "backbone", "head" })
        {
            if (Child(root, section) is not YamlSequenceNode seq)
            {
                throw new InvalidDataException($"model yaml {name}: '{section}' list missing");
            }

            foreach (var row in seq.Children)
            {
                layers.Add(Layer(row, layers.Count, name));
            }
        }

        var kpt = Child(root, "kpt_shape") is YamlSequenceNode ks ? ks.Children.Select(n => (int)Number(Scalar(n), name)).ToArray() : [17, 3];
        var nc = Child(root, "nc") is YamlScalarNode ncs ? (int)Number(ncs.Value ?? "1", name) : 1;
        return new ModelYaml { Name = name, Scale = scale, Classes = nc, KptShape = kpt, Scales = scales, Layers = layers };
    }

    private static LayerSpec Layer(YamlNode row, int index, string name)
    {
        if (row is not YamlSequenceNode r || r.Children.Count != 4)
        {
            throw new InvalidDataException($"model yaml {name}: layer {index} is not [from, repeats, module, args]");
        }

        var from = r.Children[0] is YamlSequenceNode fs
            ? fs.Children.Select(n => (int)Number(Scalar(n), name)).ToArray()
            : [(int)Number(Scalar(r.Children[0]), name)];
        var args = r.Children[3] is YamlSequenceNode a ? a.Children.Select(Scalar).ToArray() : [];
        return new LayerSpec(from, (int)Number(Scalar(r.Children[1]), name), Scalar(r.Children[2]), args);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string Scalar(YamlNode n) => n is YamlScalarNode s ? s.Value ?? string.Empty : n.ToString();

    internal static double Number(string s, string name) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw new InvalidDataException($"model yaml {name}: '{s}' is not a number");

    [GeneratedRegex(@"[-_]?([nsmlx])-pose$", RegexOptions.CultureInvariant)]
    private static partial Regex ScaleInName();

    [GeneratedRegex(@"^(yolov8|yolo11)([nsmlx])?-pose(\.yaml)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
