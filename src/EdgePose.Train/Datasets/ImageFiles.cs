using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.Train.Datasets;

/// <summary>Finding image files and reading their sizes from the file header (no decoding).</summary>
public static class ImageFiles
{
    private const int HeaderBytes = 64 * 1024;

    /// <summary>Image files under a folder, recursively, in ordinal path order.</summary>
    public static List<string> Find(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(YoloLabelPaths.IsImage).Order(StringComparer.Ordinal).ToList();

    public static ImageHeader ReadHeader(string path)
    {
        using var f = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(f.Length, HeaderBytes)];
        f.ReadExactly(buffer);
        if (ImageHeaderReader.TryRead(buffer, out var h))
        {
            return h;
        }

        if (f.Length > HeaderBytes)
        {
            // A JPEG with a large preview before its frame header: read the whole file.
            if (ImageHeaderReader.TryRead(File.ReadAllBytes(path), out h))
            {
                return h;
            }
        }

        throw new InputException($"{path}: not a readable JPEG, PNG, BMP or WebP image (no size in its header)");
    }

    public static ImageHeader ReadHeader(byte[] bytes, string source) =>
        ImageHeaderReader.TryRead(bytes, out var h)
            ? h
            : throw new InputException($"{source}: embedded image is not a readable JPEG, PNG, BMP or WebP image");

    /// <summary>The usual file extension of a header's format.</summary>
    public static string ExtensionOf(ImageHeader h) => h.Format switch
    {
        "jpeg" => ".jpg",
        var f => "." + f,
    };
}
