using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>The OpenCV that libedgepose_cv runs on: its version and which video I/O it was built with.</summary>
public sealed record OpenCvBuild(string Version, int Major, int Minor, int Revision, bool HasFfmpeg, bool HasGStreamer, bool HasV4l2)
{
    private static readonly Lazy<OpenCvBuild> s_current = new(Query);

    /// <summary>Asks the native library once (throws DllNotFoundException when libedgepose_cv is missing).</summary>
    public static OpenCvBuild Current => s_current.Value;

    /// <summary>cv::getBuildInformation(): OpenCV's full multi-line build report.</summary>
    public static unsafe string BuildInformation()
    {
        CvCheck.ThrowIfFailed(CvShim.BuildInformation(out var text));
        return Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
    }

    private static unsafe OpenCvBuild Query()
    {
        CvCheck.ThrowIfFailed(CvShim.VersionString(out var version));
        CvCheck.ThrowIfFailed(CvShim.GetBuildInfo(out var b));
        return new OpenCvBuild(
            Marshal.PtrToStringUTF8((IntPtr)version) ?? string.Empty,
            b.VersionMajor,
            b.VersionMinor,
            b.VersionRevision,
            b.HasFfmpeg != 0,
            b.HasGStreamer != 0,
            b.HasV4l2 != 0);
    }
}
