namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// The topics of one device: {prefix}/{device}/{source}/poses per source, {prefix}/{device}/status for the retained
/// status. Device and source ids become one topic level each: '/', '+', '#' and control characters in them are
/// replaced by '_'.
/// </summary>
public sealed class MqttTopics
{
    private readonly string _base;

    public MqttTopics(string prefix, string deviceId)
    {
        _base = prefix.TrimEnd('/') + "/" + Level(deviceId);
        Status = _base + "/status";
    }

    public string Status { get; }

    public string Poses(string sourceId) => _base + "/" + Level(sourceId) + "/poses";

    /// <summary><paramref name="id"/> as one safe topic level.</summary>
    public static string Level(string id)
    {
        var chars = id.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '/' or '+' or '#' || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>True when <paramref name="topic"/> has a wildcard or an empty level (not allowed in a prefix).</summary>
    public static bool HasWildcardOrEmptyLevel(string topic) =>
        topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal) || topic.TrimEnd('/').Split('/').Any(l => l.Length == 0);
}
