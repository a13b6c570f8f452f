using EdgePose.Core.Errors;

namespace EdgePose.Cli.Files;

/// <summary>
/// Checks what a path given as an input file is before anything reads it: a folder says so (not "not found"),
/// and only a regular file of a bounded size is accepted, so a device such as /dev/zero, a pipe or a /proc file
/// (which report no size) is never read without end.
/// </summary>
public static class InputFile
{
    /// <summary>The largest input file read whole (images, json, yaml): 2 GiB.</summary>
    public const long MaxBytes = 2L << 30;

    /// <summary>The path, when it names a regular, non-empty file of at most <paramref name="maxBytes"/>; else a one-line error naming <paramref name="what"/>.</summary>
    public static string Require(string path, string what, long maxBytes = MaxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{what} '{path}' is a folder; give a file");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{what} '{path}' not found");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info = (FileInfo?)info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        if (IsSpecial(info.FullName) || info.Length == 0)
        {
            throw new InputException(info.Length == 0 && !IsSpecial(info.FullName)
                ? $"{what} '{path}' is empty"
                : $"{what} '{path}' is not a regular file (a device, pipe or system file); give a file");
        }

        if (info.Length > maxBytes)
        {
            throw new InputException($"{what} '{path}' is {Size(info.Length)}, more than the {Size(maxBytes)} an input may be");
        }

        return path;
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    /// <summary>Devices, and files of the kernel's virtual file systems, whose sizes say nothing about what a read gives.</summary>
    private static bool IsSpecial(string fullPath) =>
        fullPath.StartsWith("/dev/", StringComparison.Ordinal)
        || fullPath.StartsWith("/proc/", StringComparison.Ordinal)
        || fullPath.StartsWith("/sys/", StringComparison.Ordinal);
}
