using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: video output (cv::VideoWriter).</summary>
internal static partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_writer_open", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial OpenCvStatus WriterOpen(string path, int api, string fourcc, double fps, int width, int height, out WriterHandle writer);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_writer_write")]
    internal static partial OpenCvStatus WriterWrite(WriterHandle writer, MatHandle frame);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_writer_release")]
    internal static partial OpenCvStatus WriterRelease(IntPtr writer);
}
