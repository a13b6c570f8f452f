namespace EdgePose.Host.Tests.Parity;

/// <summary>One detection of the reference results files: box x1, y1, x2, y2, score, 17 keypoint triples.</summary>
internal sealed record ReferenceDetection(double[] BoxXyxy, double Score, double[] Keypoints);
