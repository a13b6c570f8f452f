namespace EdgePose.Data.Val;

/// <summary>One image to evaluate: its id in the ground truth and its file.</summary>
public sealed record ValImage(long ImageId, string Path);
