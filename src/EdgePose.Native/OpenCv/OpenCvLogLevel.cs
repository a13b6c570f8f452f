namespace EdgePose.Native.OpenCv;

/// <summary>How much OpenCV itself prints to stderr (cv::utils::logging::LogLevel).</summary>
public enum OpenCvLogLevel
{
    Silent = 0,
    Fatal = 1,
    Error = 2,
    Warning = 3,
    Info = 4,
    Debug = 5,
    Verbose = 6,
}
