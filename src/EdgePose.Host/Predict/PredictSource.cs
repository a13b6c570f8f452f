using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.Host.Predict;

/// <summary>
/// Resolves a --source: an image file, a folder of images (sorted by name, not recursive) or a video
/// (file, or a URI such as rtsp:// handled by the video reader).
/// </summary>
public sealed record PredictSource(SourceKind Kind, string Path, IReadOnlyList<string> Images)
{
    public static readonly string[] VideoExtensions = [".mp4", ".avi", ".mkv", ".mov", ".m4v", ".webm", ".mpg", ".mpeg", ".ts", ".h264", ".h265"];

    public static PredictSource Resolve(string source)
    {
        if (source.Contains("://", StringComparison.Ordinal))
        {
            return new PredictSource(SourceKind.Video, source, []);
        }

        if (Directory.Exists(source))
        {
            var images = Directory.EnumerateFiles(source)
                .Where(ImageFileTypes.IsImage)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (images.Length == 0)
            {
                throw new InputException($"source folder '{source}' holds no images ({string.Join(", ", ImageFileTypes.Extensions)})");
            }

            return new PredictSource(SourceKind.Folder, source, images);
        }

        if (IsVideoDevice(source))
        {
            return new PredictSource(SourceKind.Video, source, []);
        }

        // A regular file only: a device (/dev/zero), a pipe or a /proc file would be read without end.
        InputFile.Require(source, "source");
        var ext = System.IO.Path.GetExtension(source).ToLowerInvariant();
        return VideoExtensions.Contains(ext)
            ? new PredictSource(SourceKind.Video, source, [])
            : new PredictSource(SourceKind.Image, source, [source]);
    }

    /// <summary>The local files and folders this source reads (none for a stream or a camera), for the output checks.</summary>
    public IEnumerable<string> LocalInputs =>
        Kind == SourceKind.Folder ? [Path]
        : Kind == SourceKind.Image ? Images
        : Path.Contains("://", StringComparison.Ordinal) || IsVideoDevice(Path) ? []
        : [Path];

    /// <summary>A V4L2 camera such as /dev/video0: read as a stream by the video reader.</summary>
    private static bool IsVideoDevice(string source) =>
        source.StartsWith("/dev/video", StringComparison.Ordinal) && File.Exists(source);
}
