using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.Train.Datasets;

/// <summary>Finding image files and reading their sizes from the file header (no decoding).</summary>
public static class ImageFiles
{
    /// <summary>Image files under a folder, recursively, in ordinal path order.</summary>
    public static List<string> Find(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(ImageFileTypes.IsImage).Order(StringComparer.Ordinal).ToList();

    public static ImageHeader ReadHeader(string path)
    {
        using var f = File.OpenRead(path);
        return ImageHeaderReader.Read(f, path);
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
