using EdgePose.Core.Errors;

namespace EdgePose.Cli.Files;

/// <summary>
/// A path as the file system sees it: full, with every symbolic link along it followed (folders and the last
/// part alike), so that two spellings of one place (a link and its target) compare equal. Parts that do not
/// exist yet are kept as written. Every overlap check between outputs and inputs compares these.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var current = Path.GetFullPath(path);
        for (int links = 0; links <= MaxLinks; links++)
        {
            var next = FollowFirstLink(current);
            if (next is null)
            {
                return current;
            }

            current = next;
        }

        throw new InputException($"{path}: too many levels of symbolic links");
    }

    /// <summary>The path with its first symbolic link replaced by the link's target, or null when it holds none.</summary>
    private static string? FollowFirstLink(string full)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var walked = root;
        for (int i = 0; i < parts.Length; i++)
        {
            var here = Path.Combine(walked, parts[i]);
            string? target;
            try
            {
                target = new FileInfo(here).LinkTarget;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            if (target is not null)
            {
                var resolved = Path.GetFullPath(target, walked);
                return Path.GetFullPath(Path.Combine([resolved, .. parts[(i + 1)..]]));
            }

            walked = here;
        }

        return null;
    }
}
