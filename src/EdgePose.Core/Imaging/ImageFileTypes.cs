namespace EdgePose.Core.Imaging;

/// <summary>The image files EdgePose reads (what OpenCV 4 decodes everywhere), by extension.</summary>
public static class ImageFileTypes
{
    public static readonly IReadOnlyList<string> Extensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"];

    /// <summary>True when <paramref name="path"/> has one of <see cref="Extensions"/> (any case).</summary>
    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
