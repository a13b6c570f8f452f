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
    public static (List<PipelineSource> Sources, int Rejected) Build(IReadOnlyList<SourceSettings> settings, ILogger log, IPathProbe? paths = null)
    {
        paths ??= FileSystemPaths.Instance;
        var sources = new List<PipelineSource>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int rejected = 0;
        for (int i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var id = string.IsNullOrWhiteSpace(s.Id) ? FormattableString.Invariant($"source{i}") : s.Id.Trim();
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
                sources.Add(new PipelineSource(sources.Count, id, uri, pipeline) { Realtime = s.Realtime });
            }
            catch (InputException e)
            {
                rejected++;
                LogRejected(log, id, e.Message);
            }
        }

        return (sources, rejected);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, string reason);
}
