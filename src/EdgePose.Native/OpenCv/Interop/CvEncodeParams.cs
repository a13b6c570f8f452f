using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>epcv_encode_params: a negative value keeps OpenCV's default.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CvEncodeParams
{
    public int JpegQuality;
    public int PngCompression;
}
