using System.Globalization;
using EdgePose.Core.Errors;
using EdgePose.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace EdgePose.Core.Tracking;

/// <summary>
/// Reads a tracker configuration in Ultralytics' bytetrack.yaml format (tracker_type, track_high_thresh,
/// track_low_thresh, new_track_thresh, track_buffer, match_thresh, fuse_score); keys left out keep their
/// defaults. An unknown key, a value of the wrong kind or out of range is an <see cref="InputException"/>
/// whose one line names the file, the key and the line.
/// </summary>
public static class TrackerOptionsYaml
{
    private static readonly string[] s_keys =
    [
        "tracker_type", "track_high_thresh", "track_low_thresh", "new_track_thresh", "track_buffer", "match_thresh", "fuse_score",
    ];

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors (usually the file path).</summary>
    public static TrackerOptions Parse(string yaml, string source)
    {
        YamlKeys doc;
        try
        {
            doc = YamlKeys.Load(yaml, source, YamlKeys.LineStyle.AfterProblem);
        }
        catch (FormatException e)
        {
            throw new InputException(e.Message, e);
        }

        foreach (var (k, _) in doc.Root.Children)
        {
            string key = k is YamlScalarNode { Value: { } v } ? v : "?";
            if (Array.IndexOf(s_keys, key) < 0)
            {
                throw new InputException($"{source}: unknown key '{key}' (line {k.Start.Line}; ByteTrack takes {string.Join(", ", s_keys)})");
            }
        }

        var o = new TrackerOptions();
        o = o with
        {
            TrackerType = Text(doc, "tracker_type") ?? o.TrackerType,
            TrackHighThresh = Number(doc, "track_high_thresh") ?? o.TrackHighThresh,
            TrackLowThresh = Number(doc, "track_low_thresh") ?? o.TrackLowThresh,
            NewTrackThresh = Number(doc, "new_track_thresh") ?? o.NewTrackThresh,
            TrackBuffer = Integer(doc, "track_buffer") ?? o.TrackBuffer,
            MatchThresh = Number(doc, "match_thresh") ?? o.MatchThresh,
            FuseScore = Flag(doc, "fuse_score") ?? o.FuseScore,
        };
        if (o.FirstInvalid() is { } bad)
        {
            throw new InputException($"{source}: {bad.Key} {bad.Problem}{LineOf(doc, bad.Key)}");
        }

        return o;
    }

    /// <summary>Reads a file; a missing or unreadable file is an <see cref="InputException"/> too.</summary>
    public static TrackerOptions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"tracker configuration {path}: cannot read it ({MessageText.Shown(e.Message)})", e);
        }

        return Parse(text, path);
    }

    private static string LineOf(YamlKeys doc, string key) =>
        doc.Root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? $" (line {n.Start.Line})" : string.Empty;

    private static string? Scalar(YamlKeys doc, string key)
    {
        try
        {
            return doc.Scalar(key);
        }
        catch (FormatException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    private static string? Text(YamlKeys doc, string key) => Scalar(doc, key);

    private static double? Number(YamlKeys doc, string key) => Scalar(doc, key) switch
    {
        null => null,
        var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) => v,
        var s => throw new InputException($"{doc.Source}: {key} must be a number (got '{s}'){LineOf(doc, key)}"),
    };

    private static int? Integer(YamlKeys doc, string key) => Scalar(doc, key) switch
    {
        null => null,
        var s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        var s => throw new InputException($"{doc.Source}: {key} must be a whole number of frames (got '{s}'){LineOf(doc, key)}"),
    };

    private static bool? Flag(YamlKeys doc, string key) => Scalar(doc, key) switch
    {
        null => null,
        "True" or "true" or "TRUE" => true,
        "False" or "false" or "FALSE" => false,
        var s => throw new InputException($"{doc.Source}: {key} must be True or False (got '{s}'){LineOf(doc, key)}"),
    };
}
