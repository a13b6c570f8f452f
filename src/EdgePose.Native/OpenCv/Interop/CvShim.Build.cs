using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: OpenCV's version and build information.</summary>
internal static unsafe partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_version_string")]
    internal static partial OpenCvStatus VersionString(out byte* version);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_build_information")]
    internal static partial OpenCvStatus BuildInformation(out byte* text);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_get_build_info")]
    internal static partial OpenCvStatus GetBuildInfo(out CvBuildInfo info);
}
