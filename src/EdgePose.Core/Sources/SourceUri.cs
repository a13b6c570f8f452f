using System.Globalization;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.Core.Sources;

/// <summary>
/// One input of EdgePose, classified from the text the user gave (--source):
/// <list type="bullet">
/// <item>rtsp://… or rtsps://… — an RTSP stream (the URL is kept as given, query included);</item>
/// <item>a path or file:///path — an image, a folder of images or a video file (by what the path is and its extension);</item>
/// <item>v4l2:///dev/videoN, or a bare camera index N — a V4L2 camera (options width, height, fps);</item>
/// <item>csi://N — a Jetson CSI camera, sensor N (options width, height, fps);</item>
/// <item>gst://&lt;pipeline&gt; — a raw GStreamer pipeline;</item>
/// <item>test:// — videotestsrc (test://ball, or options pattern, width, height, fps, live, frames).</item>
/// </list>
/// Pure: what a path is comes from the <see cref="IPathProbe"/> the caller passes. Bad input is a
/// one-line <see cref="InputException"/> naming it; credentials never appear in messages (<see cref="Display"/>).
/// </summary>
public sealed record SourceUri
{
    /// <summary>The schemes a source may have.</summary>
    public static readonly IReadOnlyList<string> Schemes = ["rtsp", "rtsps", "file", "v4l2", "csi", "gst", "test"];

    private static readonly string[] s_modeKeys = ["width", "height", "fps"];
    private static readonly string[] s_testKeys = ["pattern", "width", "height", "fps", "live", "frames"];

    private SourceUri(SourceKind kind, string text, string location)
    {
        Kind = kind;
        Text = text;
        Location = location;
    }

    public SourceKind Kind { get; }

    /// <summary>The text as the user gave it (may hold credentials: show <see cref="Display"/> instead).</summary>
    public string Text { get; }

    /// <summary>
    /// What the source points at: the file or folder path, the camera device (/dev/videoN), the RTSP URL,
    /// the CSI sensor id, the raw pipeline; empty for test://.
    /// </summary>
    public string Location { get; }

    /// <summary>Size and rate asked of a camera or test pattern.</summary>
    public CaptureMode Mode { get; private init; } = CaptureMode.Any;

    /// <summary>videotestsrc's settings; <see cref="TestPatternOptions.Default"/> for other kinds.</summary>
    public TestPatternOptions Test { get; private init; } = TestPatternOptions.Default;

    /// <summary>The text with any URL credentials hidden: for messages and logs.</summary>
    public string Display => CredentialMask.Mask(Text);

    /// <summary>True for sources read through GStreamer frame by frame (streams, cameras, pipelines, test patterns).</summary>
    public bool IsStream => Kind is SourceKind.Rtsp or SourceKind.Camera or SourceKind.Csi or SourceKind.Pipeline or SourceKind.TestPattern;

    /// <summary>True for sources that run in real time whether read or not: only the newest frame matters.</summary>
    public bool IsLive => Kind is SourceKind.Rtsp or SourceKind.Camera or SourceKind.Csi or SourceKind.Pipeline
        || (Kind == SourceKind.TestPattern && Test.Live);

    /// <summary>Classifies <paramref name="text"/>; throws <see cref="InputException"/> for anything it cannot use.</summary>
    public static SourceUri Parse(string text, IPathProbe paths)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paths);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException("source is empty");
        }

        if (IsCameraIndex(text))
        {
            return Camera(text, "/dev/video" + int.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), string.Empty, paths);
        }

        var sep = text.IndexOf("://", StringComparison.Ordinal);
        if (sep <= 0 || !IsScheme(text.AsSpan(0, sep)))
        {
            return FromPath(text, text, paths);
        }

        var scheme = text[..sep].ToLowerInvariant();
        var rest = text[(sep + 3)..];
        return scheme switch
        {
            "rtsp" or "rtsps" => Rtsp(text, rest),
            "file" => FromPath(text, FilePath(text, rest), paths),
            "v4l2" => V4l2(text, rest, paths),
            "csi" => Csi(text, rest),
            "gst" => Pipeline(text, rest),
            "test" => TestPattern(text, rest),
            _ => throw new InputException($"unknown source scheme '{MessageText.Shown(scheme, 20)}' in '{MessageText.Shown(CredentialMask.Mask(text))}'; expected {string.Join(", ", Schemes.Select(s => s + "://"))}, a path or a camera index"),
        };
    }

    private static bool IsCameraIndex(string text) =>
        text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit);

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static (string Body, string Query) SplitQuery(string rest)
    {
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (rest, string.Empty) : (rest[..q], rest[(q + 1)..]);
    }

    private static SourceUri Rtsp(string text, string rest)
    {
        var authority = rest.Split('/', '?')[0];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.Length == 0 || host.StartsWith(':'))
        {
            throw new InputException($"RTSP source '{MessageText.Shown(CredentialMask.Mask(text))}' names no host");
        }

        return new SourceUri(SourceKind.Rtsp, text, text);
    }

    private static string FilePath(string text, string rest)
    {
        // file:///abs/path or file://localhost/abs/path; percent escapes decoded.
        if (rest.StartsWith("localhost/", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["localhost".Length..];
        }

        if (!rest.StartsWith('/'))
        {
            throw new InputException($"file source '{MessageText.Shown(text)}' must be an absolute path: file:///path/to/file");
        }

        return Uri.UnescapeDataString(rest);
    }

    private static SourceUri FromPath(string text, string path, IPathProbe paths)
    {
        switch (paths.Probe(path))
        {
            case PathKind.Directory:
                return new SourceUri(SourceKind.ImageFolder, text, path);
            case PathKind.File:
                // Not a known video: an image (a file that does not decode is reported by the decoder, naming it).
                return new SourceUri(VideoFileTypes.IsVideo(path) ? SourceKind.VideoFile : SourceKind.Image, text, path);
            default:
                throw new InputException($"source '{MessageText.Shown(CredentialMask.Mask(text))}' not found");
        }
    }

    private static SourceUri V4l2(string text, string rest, IPathProbe paths)
    {
        var (body, query) = SplitQuery(rest);
        var device = IsCameraIndex(body) ? "/dev/video" + int.Parse(body, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : body;
        if (!device.StartsWith("/dev/", StringComparison.Ordinal) || device.Length <= "/dev/".Length)
        {
            throw new InputException($"camera source '{MessageText.Shown(text)}' must name a device: v4l2:///dev/videoN");
        }

        return Camera(text, device, query, paths);
    }

    private static SourceUri Camera(string text, string device, string query, IPathProbe paths)
    {
        var mode = SourceQuery.Parse(query, text, s_modeKeys).Mode();
        if (paths.Probe(device) == PathKind.Missing)
        {
            throw new InputException($"camera '{device}' not found (source '{MessageText.Shown(text)}')");
        }

        return new SourceUri(SourceKind.Camera, text, device) { Mode = mode };
    }

    private static SourceUri Csi(string text, string rest)
    {
        var (body, query) = SplitQuery(rest);
        if (!int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var sensor) || sensor > 63)
        {
            throw new InputException($"CSI source '{MessageText.Shown(text)}' must name a sensor number: csi://0");
        }

        var mode = SourceQuery.Parse(query, text, s_modeKeys).Mode();
        return new SourceUri(SourceKind.Csi, text, sensor.ToString(CultureInfo.InvariantCulture)) { Mode = mode };
    }

    private static SourceUri Pipeline(string text, string rest)
    {
        var pipeline = rest.Trim();
        return pipeline.Length == 0
            ? throw new InputException("pipeline source 'gst://' is empty; give a GStreamer pipeline after gst://")
            : new SourceUri(SourceKind.Pipeline, text, pipeline);
    }

    private static SourceUri TestPattern(string text, string rest)
    {
        var (body, query) = SplitQuery(rest.TrimEnd('/'));
        var q = SourceQuery.Parse(query, text, s_testKeys);
        var fromQuery = q.Text("pattern");
        if (fromQuery is not null && body.Length > 0)
        {
            throw new InputException($"test source '{MessageText.Shown(text)}' names its pattern twice");
        }

        var pattern = (fromQuery ?? (body.Length > 0 ? body : TestPatternOptions.DefaultPattern)).ToLowerInvariant();
        if (!TestPatternOptions.Patterns.Contains(pattern))
        {
            throw new InputException($"unknown test pattern '{MessageText.Shown(pattern, 30)}' in '{MessageText.Shown(text)}'; known: {string.Join(", ", TestPatternOptions.Patterns)}");
        }

        var test = new TestPatternOptions(pattern, q.Bool("live") ?? true, q.Int("frames", 1, int.MaxValue));
        return new SourceUri(SourceKind.TestPattern, text, string.Empty) { Mode = q.Mode(), Test = test };
    }
}
