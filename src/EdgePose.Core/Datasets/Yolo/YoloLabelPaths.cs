namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Where YOLO keeps an image's labels, as Ultralytics finds them: the last "/images/" folder of the image
/// path becomes "/labels/" and the extension becomes ".txt" (images/train/a.jpg → labels/train/a.txt).
/// Paths use '/' or the platform separator; the result uses the separator the input used.
/// </summary>
public static class YoloLabelPaths
{
    /// <summary>The label path for an image path, or null when no "images" folder is on the path.</summary>
    public static string? LabelPathFor(string imagePath)
    {
        char sep = imagePath.Contains('\\') && !imagePath.Contains('/') ? '\\' : '/';
        var norm = imagePath.Replace('\\', '/');
        var marker = "/images/";
        int at = norm.LastIndexOf(marker, StringComparison.Ordinal);
        string replaced;
        if (at >= 0)
        {
            replaced = norm[..at] + "/labels/" + norm[(at + marker.Length)..];
        }
        else if (norm.StartsWith("images/", StringComparison.Ordinal))
        {
            replaced = "labels/" + norm["images/".Length..];
        }
        else
        {
            return null;
        }

        var txt = Path.ChangeExtension(replaced, ".txt");
        return sep == '/' ? txt : txt.Replace('/', sep);
    }

    /// <summary>The labels folder beside an images folder (…/images/train → …/labels/train), or null.</summary>
    public static string? LabelFolderFor(string imageFolder) =>
        LabelPathFor(Path.Combine(imageFolder, "x.jpg")) is { } p ? Path.GetDirectoryName(p) : null;
}
