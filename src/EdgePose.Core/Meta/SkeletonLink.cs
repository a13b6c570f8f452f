namespace EdgePose.Core.Meta;

/// <summary>A line drawn between two keypoints (0-based indices) in a given colour.</summary>
public readonly record struct SkeletonLink(int From, int To, Rgb Color);
