namespace EdgePose.Cli.Files;

/// <summary>
/// Writes a file under a temporary name beside it and renames it onto the real name only when it is complete,
/// so a crash, a full disk or an interrupt never leaves a half-written file under the real name, and an old
/// file (or a symbolic link) there is replaced as a whole, never written through. Every output file of the
/// CLIs goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="target"/> through a writer given the temporary path (an encoder that picks its format by extension).</summary>
    public static void Write(string target, Action<string> writeTo)
    {
        using var pending = PendingFile.For(target);
        writeTo(pending.TempPath);
        pending.Commit();
    }

    public static void WriteStream(string target, Action<Stream> write)
    {
        using var pending = PendingFile.For(target);
        using (var stream = pending.OpenStream())
        {
            write(stream);
            stream.Flush(flushToDisk: false);
        }

        pending.Commit();
    }

    public static void WriteAllText(string target, string text) =>
        WriteStream(target, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    public static void WriteAllBytes(string target, byte[] bytes) => WriteStream(target, s => s.Write(bytes));
}
