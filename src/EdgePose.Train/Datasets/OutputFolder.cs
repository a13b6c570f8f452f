using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Core.Files;

namespace EdgePose.Train.Datasets;

/// <summary>
/// The folder a command writes into. It must be new or empty (a non-empty one only with --force, and then
/// files are added or replaced, never deleted), it must not be, contain or lie inside an input folder, and
/// it must not contain an input file, so an input is never overwritten; all of this on paths with their symbolic
/// links followed. Relative paths use '/' and may hold subfolders. Files are written under a temporary name and
/// renamed when complete. Every file placed is remembered: when one fails, all placed before it are undone (moved
/// files go back, new files are removed) and the error names the file that failed, so the input is as it was.
/// </summary>
public sealed class OutputFolder
{
    private readonly bool _force;
    private readonly List<(string Target, string? MovedFrom)> _placed = [];

    private OutputFolder(string root, bool force)
    {
        Root = root;
        _force = force;
    }

    public string Root { get; }

    /// <summary>Creates the folder after <see cref="Validate"/>.</summary>
    public static OutputFolder Prepare(string path, bool force, params string[] inputs)
    {
        var root = Validate(path, force, inputs);
        Directory.CreateDirectory(root);
        return new OutputFolder(root, force);
    }

    /// <summary>Checks that the folder may be written (new or empty or forced, apart from the inputs) without creating it; gives its full path.</summary>
    public static string Validate(string path, bool force, params string[] inputs)
    {
        var root = Path.GetFullPath(path);
        var rootReal = RealPath.Of(path);
        foreach (var input in inputs)
        {
            var inFull = RealPath.Of(input);
            bool overlaps = File.Exists(inFull)
                ? IsSameOrInside(inFull, rootReal)
                : IsSameOrInside(rootReal, inFull) || IsSameOrInside(inFull, rootReal);
            if (overlaps)
            {
                throw new InputException($"output folder {path} overlaps the input {input}; write to a folder outside it");
            }
        }

        if (File.Exists(root))
        {
            throw new InputException($"output {path} is a file, not a folder");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !force)
        {
            throw new InputException($"output folder {path} is not empty; choose a new folder or pass --force to add to it");
        }

        return root;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void WriteText(string relative, string text) => WriteBytes(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes) =>
        Undoable(relative, null, "write", target =>
        {
            RefuseExisting(target);
            AtomicFile.WriteAllBytes(target, bytes);
        });

    /// <summary>Places a file by <paramref name="mode"/> (nothing for <see cref="FileTransferMode.None"/>).</summary>
    public void Place(string sourceFile, string relative, FileTransferMode mode)
    {
        switch (mode)
        {
            case FileTransferMode.Copy:
                Undoable(relative, null, "copy " + sourceFile, target => File.Copy(sourceFile, target, overwrite: false));
                break;
            case FileTransferMode.Move:
                Undoable(relative, Path.GetFullPath(sourceFile), "move " + sourceFile, target => File.Move(sourceFile, target, overwrite: false));
                break;
            case FileTransferMode.Symlink:
                Undoable(relative, null, "link " + sourceFile, target => File.CreateSymbolicLink(target, Path.GetFullPath(sourceFile)));
                break;
        }
    }

    /// <summary>
    /// Undoes every file placed so far, newest first: moved files go back to where they were, new files are
    /// removed. Returns the paths that could not be undone (empty when all were).
    /// </summary>
    public IReadOnlyList<string> RollBack()
    {
        var stuck = new List<string>();
        for (int i = _placed.Count - 1; i >= 0; i--)
        {
            var (target, movedFrom) = _placed[i];
            try
            {
                if (movedFrom is not null)
                {
                    File.Move(target, movedFrom, overwrite: false);
                }
                else
                {
                    File.Delete(target);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stuck.Add(movedFrom ?? target);
            }
        }

        _placed.Clear();
        return stuck;
    }

    public void Place(ImageSource source, string relative, FileTransferMode mode)
    {
        if (source.Bytes is { } bytes)
        {
            if (mode != FileTransferMode.None)
            {
                WriteBytes(relative, bytes);
            }
        }
        else
        {
            Place(source.FilePath!, relative, mode);
        }
    }

    /// <summary>
    /// The full path for a new file that someone else (an encoder) writes: its folder made, and with --force any
    /// old file or link there removed first, so nothing is written through a link into an input.
    /// </summary>
    public string NewFilePath(string relative)
    {
        var target = Target(relative);
        _placed.Add((target, null));
        return target;
    }

    /// <summary>Does one file operation; when it fails, undoes all before it and reports the file that failed on one line.</summary>
    private void Undoable(string relative, string? movedFrom, string what, Action<string> operation)
    {
        string target = PathOf(relative);
        try
        {
            target = Target(relative);
            operation(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            int undone = _placed.Count;
            var stuck = RollBack();
            var after = stuck.Count == 0
                ? (movedFrom is null ? $"the {undone} files written before it were removed" : $"the {undone} files moved before it were put back; the input is as it was")
                : $"{stuck.Count} of the {undone} files before it could not be undone, first {stuck[0]}";
            throw new InputException($"could not {what} to {target}: {e.Message}; {after}", e);
        }

        _placed.Add((target, movedFrom));
    }

    private static void RefuseExisting(string target)
    {
        if (File.Exists(target) || new FileInfo(target).LinkTarget is not null)
        {
            throw new IOException("the file already exists");
        }
    }

    private string Target(string relative)
    {
        var target = PathOf(relative);
        if (!IsSameOrInside(Path.GetFullPath(target), Root) || !IsSameOrInside(RealPath.Of(Path.GetDirectoryName(target)!), RealPath.Of(Root)))
        {
            throw new InputException($"output path {relative} would lie outside the output folder {Root}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (_force && (File.Exists(target) || new FileInfo(target).LinkTarget is not null))
        {
            // Remove the old file or link itself; writing through a link could change an input.
            File.Delete(target);
        }

        return target;
    }

    private static bool IsSameOrInside(string path, string folder) => PathContainment.IsSameOrInside(path, folder);
}
