using System.Text.RegularExpressions;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>The OpenCV that OpenCvSharp runs on: its version and which video I/O it was built with.</summary>
public sealed partial record OpenCvBuild(string Version, int Major, int Minor, int Revision, bool HasFfmpeg, bool HasGStreamer, bool HasV4l2)
{
    private static readonly Lazy<OpenCvBuild> s_current = new(Query);

    /// <summary>Asks OpenCV once (throws when OpenCvSharp's native library cannot be loaded).</summary>
    public static OpenCvBuild Current => s_current.Value;

    /// <summary>cv::getBuildInformation(): OpenCV's full multi-line build report.</summary>
    public static string BuildInformation() => Cv2.GetBuildInformation();

    private static OpenCvBuild Query()
    {
        var info = BuildInformation();
        return new OpenCvBuild(
            Cv2.GetVersionString() ?? string.Empty,
            Cv2.GetVersionMajor(),
            Cv2.GetVersionMinor(),
            Cv2.GetVersionRevision(),
            FfmpegLine().IsMatch(info),
            GStreamerLine().IsMatch(info),
            V4l2Line().IsMatch(info));
    }

    [GeneratedRegex(@"^\s+FFMPEG:\s+YES", RegexOptions.Multiline)]
    private static partial Regex FfmpegLine();

    [GeneratedRegex(@"^\s+GStreamer:\s+YES", RegexOptions.Multiline)]
    private static partial Regex GStreamerLine();

    [GeneratedRegex(@"^\s+v4l/v4l2:\s+YES", RegexOptions.Multiline)]
    private static partial Regex V4l2Line();
}
