using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>Controls OpenCV's own console logging (its "[ WARN:0@...]" lines on stderr).</summary>
public static class OpenCvLogging
{
    public static void SetLevel(OpenCvLogLevel level) => CvCheck.ThrowIfFailed(CvShim.SetLogLevel((int)level));
}
