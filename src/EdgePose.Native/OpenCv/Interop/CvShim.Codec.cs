using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: image decoding and encoding, encoded buffers.</summary>
internal static unsafe partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_imread", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial OpenCvStatus ImRead(string path, MatHandle dst);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_imdecode")]
    internal static partial OpenCvStatus ImDecode(byte* data, nuint size, MatHandle dst);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_imwrite", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial OpenCvStatus ImWrite(string path, MatHandle src, in CvEncodeParams parameters);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_imencode", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial OpenCvStatus ImEncode(string extension, MatHandle src, in CvEncodeParams parameters, EncodedBufferHandle dst);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_buffer_create")]
    internal static partial OpenCvStatus BufferCreate(out EncodedBufferHandle buffer);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_buffer_data")]
    internal static partial OpenCvStatus BufferData(EncodedBufferHandle buffer, out byte* data, out nuint size);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_buffer_release")]
    internal static partial OpenCvStatus BufferRelease(IntPtr buffer);
}
