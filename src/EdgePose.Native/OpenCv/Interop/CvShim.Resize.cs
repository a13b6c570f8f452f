using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: cv::resize.</summary>
internal static unsafe partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_resize")]
    internal static partial OpenCvStatus Resize(MatHandle src, MatHandle dst, int width, int height, int interpolation);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_resize_buffer")]
    internal static partial OpenCvStatus ResizeBuffer(
        byte* src, int srcWidth, int srcHeight, long srcStep, int type, byte* dst, int dstWidth, int dstHeight, long dstStep, int interpolation);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_resize_into")]
    internal static partial OpenCvStatus ResizeInto(MatHandle src, byte* dst, int width, int height, long dstStep, int interpolation);
}
