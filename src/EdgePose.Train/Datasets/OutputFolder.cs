using EdgePose.Core.Errors;

namespace EdgePose.Train.Datasets;

/// <summary>
/// The folder a command writes into. It must be new or empty (a non-empty one only with --force, and then
/// files are added or replaced, never deleted), it must not be, contain or lie inside an input folder, and
/// it must not contain an input file, so an input is never overwritten. Relative paths use '/' and may hold subfolders.
/// </summary>
public sealed class OutputFolder
{
    private readonly bool _force;

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
        foreach (var input in inputs)
        {
            var inFull = Path.GetFullPath(input);
            bool overlaps = File.Exists(inFull)
                ? IsSameOrInside(inFull, root)
                : IsSameOrInside(root, inFull) || IsSameOrInside(inFull, root);
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

    public void WriteBytes(string relative, byte[] bytes)
    {
        var target = Target(relative);
        using var f = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        f.Write(bytes);
    }

    /// <summary>Places a file by <paramref name="mode"/> (nothing for <see cref="FileTransferMode.None"/>).</summary>
    public void Place(string sourceFile, string relative, FileTransferMode mode)
    {
        if (mode == FileTransferMode.None)
        {
            return;
        }

        var target = Target(relative);
        switch (mode)
        {
            case FileTransferMode.Copy:
                File.Copy(sourceFile, target, overwrite: false);
                break;
            case FileTransferMode.Move:
                File.Move(sourceFile, target, overwrite: false);
                break;
            case FileTransferMode.Symlink:
                File.CreateSymbolicLink(target, Path.GetFullPath(sourceFile));
                break;
        }
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
    public string NewFilePath(string relative) => Target(relative);

    private string Target(string relative)
    {
        var target = PathOf(relative);
        if (!IsSameOrInside(Path.GetFullPath(target), Root))
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

    private static bool IsSameOrInside(string path, string folder)
    {
        var p = Path.TrimEndingDirectorySeparator(path);
        var f = Path.TrimEndingDirectorySeparator(folder);
        return p.Equals(f, StringComparison.Ordinal) || p.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
