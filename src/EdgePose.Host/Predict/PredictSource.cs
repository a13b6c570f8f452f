using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;
using EdgePose.Core.Sources;

namespace EdgePose.Host.Predict;

/// <summary>
/// A --source as <see cref="SourceUri"/> classifies it, with the images to read: one image, a folder's images
/// (sorted by name, not recursive), or none for a video file or a stream (camera, RTSP, pipeline, test pattern).
/// </summary>
public sealed record PredictSource(SourceUri Uri, IReadOnlyList<string> Images)
{
    public SourceKind Kind => Uri.Kind;

    /// <summary>True when frames come one after another (a video file or a stream) rather than as separate images.</summary>
    public bool IsSequence => Uri.Kind == SourceKind.VideoFile || Uri.IsStream;

    /// <summary>The name a sequence goes by in outputs and messages: the file path, or the URI with credentials hidden.</summary>
    public string Name => Uri.Kind == SourceKind.VideoFile ? Uri.Location : Uri.Display;

    public static PredictSource Resolve(string source)
    {
        var uri = SourceUri.Parse(source, FileSystemPaths.Instance);
        switch (uri.Kind)
        {
            case SourceKind.ImageFolder:
                var images = Directory.EnumerateFiles(uri.Location)
                    .Where(ImageFileTypes.IsImage)
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                return images.Length > 0
                    ? new PredictSource(uri, images)
                    : throw new InputException($"source folder '{source}' holds no images ({string.Join(", ", ImageFileTypes.Extensions)})");
            case SourceKind.Image:
                // A regular file only: a device (/dev/zero), a pipe or a /proc file would be read without end.
                return new PredictSource(uri, [InputFile.Require(uri.Location, "source")]);
            case SourceKind.VideoFile:
                InputFile.Require(uri.Location, "source");
                return new PredictSource(uri, []);
            default:
                return new PredictSource(uri, []);
        }
    }

    /// <summary>The local files and folders this source reads (none for a stream or a camera), for the output checks.</summary>
    public IEnumerable<string> LocalInputs =>
        Kind == SourceKind.ImageFolder ? [Uri.Location]
        : Kind == SourceKind.Image ? Images
        : Kind == SourceKind.VideoFile ? [Uri.Location]
        : [];
}
