using EdgePose.Tests;

namespace EdgePose.Train.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public abstract class TempFolder : IDisposable
{
    protected TempFolder() => Root = TestPaths.NewTempDir("edgepose-train");

    protected string Root { get; }

    protected string At(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Copies a folder tree (files only, no links).</summary>
    protected static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
