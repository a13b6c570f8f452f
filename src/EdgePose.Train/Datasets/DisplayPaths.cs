namespace EdgePose.Train.Datasets;

/// <summary>Paths as shown to the user and used as keys: relative to a root with '/' where possible, else absolute.</summary>
public static class DisplayPaths
{
    public static string Relative(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)
            ? Path.GetFullPath(path)
            : rel.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>"file:line", or "file" when there is no line.</summary>
    public static string At(string file, int? line) => line is { } l ? $"{file}:{l}" : file;
}
