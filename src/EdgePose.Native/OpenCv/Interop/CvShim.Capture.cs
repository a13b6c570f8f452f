using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: video input (cv::VideoCapture).</summary>
internal static unsafe partial class CvShim
{
    internal const int CapFps = 0;
    internal const int CapWidth = 1;
    internal const int CapHeight = 2;
    internal const int CapFrameCount = 3;
    internal const int CapPosFrames = 4;
    internal const int CapPosMsec = 5;

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_open", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial OpenCvStatus CaptureOpen(string source, int api, out CaptureHandle capture);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_open_device")]
    internal static partial OpenCvStatus CaptureOpenDevice(int index, int api, out CaptureHandle capture);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_read")]
    internal static partial OpenCvStatus CaptureRead(CaptureHandle capture, MatHandle dst, out int gotFrame);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_get")]
    internal static partial OpenCvStatus CaptureGet(CaptureHandle capture, int property, out double value);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_set")]
    internal static partial OpenCvStatus CaptureSet(CaptureHandle capture, int property, double value, out int accepted);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_backend")]
    internal static partial OpenCvStatus CaptureBackend(CaptureHandle capture, out byte* name);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_capture_release")]
    internal static partial OpenCvStatus CaptureRelease(IntPtr capture);
}
