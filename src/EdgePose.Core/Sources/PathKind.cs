namespace EdgePose.Core.Sources;

/// <summary>What a path on disk is, as an <see cref="IPathProbe"/> reports it.</summary>
public enum PathKind
{
    Missing,
    File,
    Directory,
}
