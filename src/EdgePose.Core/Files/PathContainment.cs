namespace EdgePose.Core.Files;

/// <summary>
/// Whether one full path is the same as, or lies inside, another. Pure string logic on paths that the caller has
/// already made full and resolved (symbolic links followed), so that two spellings of one place compare equal.
/// </summary>
public static class PathContainment
{
    public static bool IsSameOrInside(string path, string folder)
    {
        var p = Path.TrimEndingDirectorySeparator(path);
        var f = Path.TrimEndingDirectorySeparator(folder);
        if (p.Equals(f, StringComparison.Ordinal))
        {
            return true;
        }

        return f.Length == 0 || f[^1] == Path.DirectorySeparatorChar
            ? p.StartsWith(f, StringComparison.Ordinal)
            : p.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public static bool IsSame(string a, string b) =>
        Path.TrimEndingDirectorySeparator(a).Equals(Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
