using EdgePose.Core.Errors;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Sources;
using EdgePose.Host.Predict;
using EdgePose.Host.Run.Settings;
using Microsoft.Extensions.Logging;

namespace EdgePose.Host.Run;

/// <summary>
/// Turns the configured sources into pipeline sources. A source that cannot be used (an unknown scheme, a
/// missing camera or file, an image where a video is needed, an id used twice) is logged as an error naming it
/// and left out; the others run.
/// </summary>
public static partial class RunSources
{
    /// <returns>The usable sources, and for each rejected one "source ID: why" (also logged).</returns>
    public static (List<PipelineSource> Sources, List<string> Rejected) Build(IReadOnlyList<SourceSettings> settings, ILogger log, IPathProbe? paths = null)
    {
        paths ??= FileSystemPaths.Instance;
        var sources = new List<PipelineSource>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<string>();
        for (int i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var id = string.IsNullOrWhiteSpace(s.Id) ? DefaultId(s.Uri, i, seen) : s.Id.Trim();
            try
            {
                if (seen.TryGetValue(id, out var first))
                {
                    throw new InputException(FormattableString.Invariant($"the id is already used by Sources:{first}; source ids must be unique"));
                }

                seen[id] = i;
                if (string.IsNullOrWhiteSpace(s.Uri))
                {
                    throw new InputException(FormattableString.Invariant($"Sources:{i}:Uri is empty"));
                }

                var uri = SourceUri.Parse(s.Uri, paths);
                if (uri.Kind is SourceKind.Image or SourceKind.ImageFolder)
                {
                    throw new InputException($"'{uri.Display}' is {(uri.Kind == SourceKind.Image ? "an image" : "a folder of images")}; edgepose run reads video files, streams and cameras (use edgepose predict for images)");
                }

                var pipeline = new SourcePipelineOptions
                {
                    PixelFormat = FramePixelFormat.Bgr,
                    RtspTransport = s.Transport == "udp" ? RtspTransport.Udp : RtspTransport.Tcp,
                };
                sources.Add(new PipelineSource(sources.Count, id, uri, pipeline) { Realtime = s.Realtime, PixelClock = s.PixelClock });
            }
            catch (InputException e)
            {
                rejected.Add($"source {id}: {e.Message}");
                LogRejected(log, id, e.Message);
            }
        }

        return (sources, rejected);
    }

    /// <summary>
    /// An id for an unnamed source from what it reads: the file's name, the camera device, the RTSP host, the test
    /// pattern; "source{i}" when there is nothing better or the name is taken.
    /// </summary>
    internal static string DefaultId(string? uri, int index, IReadOnlyDictionary<string, int> taken)
    {
        var fallback = FormattableString.Invariant($"source{index}");
        if (string.IsNullOrWhiteSpace(uri))
        {
            return fallback;
        }

        string name;
        var sep = uri.IndexOf("://", StringComparison.Ordinal);
        var scheme = sep > 0 ? uri[..sep].ToLowerInvariant() : string.Empty;
        var rest = sep > 0 ? uri[(sep + 3)..] : uri;
        name = scheme switch
        {
            "rtsp" or "rtsps" => rest.Split('/', '?')[0].Split('@')[^1].Split(':')[0],
            "test" => "test-" + (rest.Split('?')[0].Trim('/') is { Length: > 0 } p ? p : "pattern"),
            "v4l2" => Path.GetFileName(rest.Split('?')[0]),
            "csi" => "csi" + rest.Split('?')[0],
            "gst" => "pipeline",
            "" when uri.All(char.IsAsciiDigit) => "video" + uri,
            _ => Path.GetFileNameWithoutExtension(rest),
        };
        name = new string([.. name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);
        return name.Length == 0 || taken.ContainsKey(name) ? fallback : name;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, string reason);
}
