namespace EdgePose.Native.OpenCv;

/// <summary>cv::resize interpolation (same numbers as OpenCV's InterpolationFlags).</summary>
public enum Interpolation
{
    Nearest = 0,

    /// <summary>Bilinear; what Ultralytics' LetterBox uses (cv2.INTER_LINEAR), so preprocessing matches it bit for bit.</summary>
    Linear = 1,
    Cubic = 2,
    Area = 3,
    Lanczos4 = 4,
    LinearExact = 5,
}
