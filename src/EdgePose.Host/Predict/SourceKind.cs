namespace EdgePose.Host.Predict;

/// <summary>What a --source names.</summary>
public enum SourceKind
{
    Image,
    Folder,
    Video,
}
