using EdgePose.Core.Sources;

namespace EdgePose.Host.Predict;

/// <summary>The real file system, for the source classifier.</summary>
public sealed class FileSystemPaths : IPathProbe
{
    public static readonly FileSystemPaths Instance = new();

    public PathKind Probe(string path) =>
        Directory.Exists(path) ? PathKind.Directory : File.Exists(path) ? PathKind.File : PathKind.Missing;
}
