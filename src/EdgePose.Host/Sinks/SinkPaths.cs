using EdgePose.Core.Errors;

namespace EdgePose.Host.Sinks;

/// <summary>Checks of an output file a sink is about to write, each failure one line naming the path.</summary>
internal static class SinkPaths
{
    /// <summary>
    /// The full path of <paramref name="path"/> when a file can be created there: its folder exists and it is not a
    /// folder itself. Otherwise an <see cref="InputException"/> "cannot write {what} '{path}': ...".
    /// </summary>
    public static string RequireWritableFile(string path, string what)
    {
        if (path.Length == 0)
        {
            throw new InputException($"cannot write {what} '': the path is empty");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"cannot write {what} '{path}': not a valid path");
        }

        if (path.EndsWith('/') || Directory.Exists(full))
        {
            throw new InputException($"cannot write {what} '{path}': it is a folder, not a file");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new InputException(File.Exists(folder)
                ? $"cannot write {what} '{path}': '{folder}' is a file, not a folder"
                : $"cannot write {what} '{path}': folder '{folder}' does not exist");
        }

        return full;
    }

    /// <summary>An I/O failure opening <paramref name="path"/> as one line naming it (no exception type, no temporary name).</summary>
    public static InputException OpenFailed(string path, string what, Exception e) => new(
        e is UnauthorizedAccessException
            ? $"cannot write {what} '{path}': permission denied"
            : $"cannot write {what} '{path}': {e.Message}",
        e);
}
