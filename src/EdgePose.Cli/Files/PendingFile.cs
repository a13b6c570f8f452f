namespace EdgePose.Cli.Files;

/// <summary>
/// One file being written under a temporary name in the folder of its real name (same extension, so encoders
/// that choose a format by extension still work). <see cref="Commit"/> renames it onto the real name (replacing
/// a file or a link there as a whole); disposing it uncommitted deletes the temporary file.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private bool _done;

    private PendingFile(string target, string tempPath)
    {
        Target = target;
        TempPath = tempPath;
    }

    public string Target { get; }

    public string TempPath { get; }

    public static PendingFile For(string target)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileNameWithoutExtension(full);
        var temp = Path.Combine(folder, $".{name}.partial-{Guid.NewGuid():N}"[..(name.Length + 18)] + Path.GetExtension(full));
        return new PendingFile(full, temp);
    }

    public FileStream OpenStream() => new(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);

    public void Commit()
    {
        if (_done)
        {
            return;
        }

        if (!File.Exists(TempPath))
        {
            throw new IOException($"{Target} was not written");
        }

        File.Move(TempPath, Target, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            try
            {
                File.Delete(TempPath);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
