namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// An image file of a data set as the checker sees it: its split, its path (as shown in findings and used to
/// find its label path) and a digest of its bytes (equal digests = duplicate images).
/// </summary>
public sealed record CheckedImage(string Split, string Path, string ContentDigest);
