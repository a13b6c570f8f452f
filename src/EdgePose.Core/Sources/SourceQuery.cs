using EdgePose.Core.Errors;

namespace EdgePose.Core.Sources;

/// <summary>
/// The "?key=value&amp;key=value" options of a source URI (test://, v4l2://, csi://), checked against the
/// keys that source knows: an unknown key, a repeated key or a bad number is a one-line error naming it.
/// </summary>
internal sealed class SourceQuery
{
    private readonly Dictionary<string, string> _values;
    private readonly string _source;

    private SourceQuery(Dictionary<string, string> values, string source)
    {
        _values = values;
        _source = source;
    }

    public static SourceQuery Parse(string query, string source, IReadOnlyList<string> keys)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..]);
            if (!keys.Contains(key))
            {
                throw new InputException($"unknown option '{MessageText.Shown(key, 40)}' in source '{source}'; it takes {string.Join(", ", keys)}");
            }

            if (!values.TryAdd(key, value))
            {
                throw new InputException($"option '{key}' given twice in source '{source}'");
            }
        }

        return new SourceQuery(values, source);
    }

    public string? Text(string key) => _values.GetValueOrDefault(key);

    public int? Int(string key, int min, int max)
    {
        if (!_values.TryGetValue(key, out var text))
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InputException($"option {key}={MessageText.Shown(text, 20)} in source '{_source}' is not a whole number from {min} to {max}");
    }

    public bool? Bool(string key) => _values.TryGetValue(key, out var text)
        ? text switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new InputException($"option {key}={MessageText.Shown(text, 20)} in source '{_source}' is not true or false"),
        }
        : null;

    public CaptureMode Mode() => new(
        Int("width", 1, CaptureMode.MaxSide),
        Int("height", 1, CaptureMode.MaxSide),
        Int("fps", 1, CaptureMode.MaxFps));
}
