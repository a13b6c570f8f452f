namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// Where the images of an Ultralytics data set are, from its data.yaml, as path rules only (the caller looks at
/// the disk): the data set root, each split entry as a full path, which entries are image lists, and the images
/// an image list names. Labels sit where <see cref="YoloLabelPaths"/> says.
/// </summary>
public static class YoloDatasetPaths
{
    /// <summary>The data set root: 'path' relative to the yaml's folder, or the yaml's folder when 'path' is empty.</summary>
    public static string Root(string yamlPath, string? rootPath)
    {
        var yamlDir = Path.GetDirectoryName(Path.GetFullPath(yamlPath))!;
        return string.IsNullOrWhiteSpace(rootPath) ? yamlDir : Path.GetFullPath(Path.Combine(yamlDir, rootPath));
    }

    /// <summary>A split entry (an image folder or an image list) as a full path under the root.</summary>
    public static string EntryPath(string root, string entry) => Path.GetFullPath(Path.Combine(root, entry));

    /// <summary>Whether a split entry that is a file is an image list: a .txt file (any other entry must be a folder).</summary>
    public static bool IsImageList(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The images an image list names, one per non-empty line (trimmed), as full paths: "./x" is relative to the
    /// list's folder, other relative paths to the root.
    /// </summary>
    public static IEnumerable<string> ListedImages(IEnumerable<string> lines, string listPath, string root)
    {
        var listDir = Path.GetDirectoryName(listPath)!;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            yield return Path.GetFullPath(line.StartsWith("./", StringComparison.Ordinal) ? Path.Combine(listDir, line[2..]) : Path.Combine(root, line));
        }
    }
}
