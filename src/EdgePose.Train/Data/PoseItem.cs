namespace EdgePose.Train.Data;

/// <summary>One training image: its file and its objects with coordinates normalised to 0..1 (none: a background image).</summary>
public sealed record PoseItem(string ImagePath, PoseInstances Normalized);
