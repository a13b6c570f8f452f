namespace EdgePose.Train.Datasets;

/// <summary>How files reach the output folder: copied, moved, linked (symbolic link to the absolute source) or not at all.</summary>
public enum FileTransferMode
{
    Copy,
    Move,
    Symlink,
    None,
}
