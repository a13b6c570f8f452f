using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: the last error message and OpenCV's log level.</summary>
internal static unsafe partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_last_error")]
    internal static partial OpenCvStatus LastError(out byte* message);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_set_log_level")]
    internal static partial OpenCvStatus SetLogLevel(int level);
}
