using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Yaml;

/// <summary>
/// The top-level keys of a YAML document, read by shape (a value, a list, integers, numbers) for the data.yaml,
/// keypoint meta and labelme config readers. A key that is absent or null (~, null, empty) reads as null.
/// Errors are <see cref="FormatException"/>s naming the source and the line, placed as the reader's
/// <see cref="LineStyle"/> says.
/// </summary>
internal sealed class YamlKeys
{
    private readonly LineStyle _style;

    private YamlKeys(YamlMappingNode root, string source, LineStyle style)
    {
        Root = root;
        Source = source;
        _style = style;
    }

    /// <summary>Where error messages put the line.</summary>
    public enum LineStyle
    {
        /// <summary>"file:line: problem".</summary>
        BeforeProblem,

        /// <summary>"file: problem (line N)".</summary>
        AfterProblem,
    }

    /// <summary>The top-level mapping.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>The file (or other source) named in error messages.</summary>
    public string Source { get; }

    /// <summary>Parses YAML text whose top level must be a mapping.</summary>
    public static YamlKeys Load(string yaml, string source, LineStyle style)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new FormatException($"{source}: expected a YAML mapping at the top");
            }

            return new YamlKeys(map, source, style);
        }
        catch (YamlException e)
        {
            throw new FormatException(Message(source, style, e.Start.Line, $"invalid YAML: {e.Message}"), e);
        }
    }

    /// <summary>A malformed-input error at a node's line.</summary>
    public FormatException Error(YamlNode at, string problem) => new(Message(Source, _style, at.Start.Line, problem));

    /// <summary>A key's value, or null when the key is absent or null.</summary>
    public YamlNode? Node(string key) =>
        Root.Children.TryGetValue(new YamlScalarNode(key), out var n) && !IsNull(n) ? n : null;

    /// <summary>A key's single value, or null when absent; anything but a scalar is an error.</summary>
    public string? Scalar(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var n => throw Error(n, $"'{key}' must be a single value"),
    };

    /// <summary>An entry of <paramref name="key"/>'s value that must be a scalar.</summary>
    public string ScalarOf(YamlNode n, string key) =>
        n is YamlScalarNode { Value: { } v } ? v : throw Error(n, $"'{key}' holds a non-scalar entry");

    /// <summary>A key's list, or null when absent; anything but a list is an error.</summary>
    public YamlSequenceNode? Sequence(string key) => Node(key) switch
    {
        null => null,
        YamlSequenceNode seq => seq,
        var n => throw Error(n, $"'{key}' must be a list"),
    };

    public List<string>? StringList(string key) =>
        Sequence(key)?.Children.Select(c => ScalarOf(c, key)).ToList();

    public List<int>? IntList(string key) =>
        Sequence(key)?.Children.Select(c => IntOf(c, key)).ToList();

    public List<double>? DoubleList(string key) =>
        Sequence(key)?.Children.Select(c => DoubleOf(c, key)).ToList();

    /// <summary>An entry of <paramref name="key"/>'s value that must be an integer.</summary>
    public int IntOf(YamlNode n, string key)
    {
        var s = ScalarOf(n, key);
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(n, $"'{key}' entry '{s}' is not an integer");
    }

    /// <summary>An entry of <paramref name="key"/>'s value that must be a number.</summary>
    public double DoubleOf(YamlNode n, string key)
    {
        var s = ScalarOf(n, key);
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(n, $"'{key}' entry '{s}' is not a number");
    }

    private static string Message(string source, LineStyle style, long line, string problem) => style switch
    {
        LineStyle.BeforeProblem => $"{source}:{line}: {problem}",
        _ => $"{source}: {problem} (line {line})",
    };

    private static bool IsNull(YamlNode n) =>
        n is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");
}
