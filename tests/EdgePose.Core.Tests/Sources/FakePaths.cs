using EdgePose.Core.Sources;

namespace EdgePose.Core.Tests.Sources;

/// <summary>A file system of a few named files and folders, for the source classifier.</summary>
internal sealed class FakePaths : IPathProbe
{
    private readonly HashSet<string> _files;
    private readonly HashSet<string> _dirs;

    public FakePaths(IEnumerable<string>? files = null, IEnumerable<string>? dirs = null)
    {
        _files = new HashSet<string>(files ?? [], StringComparer.Ordinal);
        _dirs = new HashSet<string>(dirs ?? [], StringComparer.Ordinal);
    }

    public static FakePaths Standard { get; } = new(
        ["/data/a.jpg", "/data/clip.MP4", "/data/notes.txt", "/data/my clip.avi", "rel/b.png", "/dev/video0", "/dev/video2"],
        ["/data/images"]);

    public PathKind Probe(string path) =>
        _dirs.Contains(path) ? PathKind.Directory : _files.Contains(path) ? PathKind.File : PathKind.Missing;
}
