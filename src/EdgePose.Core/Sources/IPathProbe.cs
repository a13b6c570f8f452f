namespace EdgePose.Core.Sources;

/// <summary>
/// Tells the source classifier what a path is. The edge passes the real file system; tests pass a fake,
/// so the classifier itself does no I/O.
/// </summary>
public interface IPathProbe
{
    PathKind Probe(string path);
}
