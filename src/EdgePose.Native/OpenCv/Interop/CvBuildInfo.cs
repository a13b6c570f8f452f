using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>epcv_build_info: OpenCV's version and its video I/O backends.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CvBuildInfo
{
    public int VersionMajor;
    public int VersionMinor;
    public int VersionRevision;
    public int HasFfmpeg;
    public int HasGStreamer;
    public int HasV4l2;
}
