using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: native images (cv::Mat).</summary>
internal static partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_create_empty")]
    internal static partial OpenCvStatus MatCreateEmpty(out MatHandle mat);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_create")]
    internal static partial OpenCvStatus MatCreate(int rows, int cols, int type, out MatHandle mat);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_wrap")]
    internal static partial OpenCvStatus MatWrap(int rows, int cols, int type, IntPtr data, long step, out MatHandle mat);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_ensure")]
    internal static partial OpenCvStatus MatEnsure(MatHandle mat, int rows, int cols, int type);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_info_get")]
    internal static partial OpenCvStatus MatInfo(MatHandle mat, out CvMatInfo info);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_mat_release")]
    internal static partial OpenCvStatus MatRelease(IntPtr mat);
}
