using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>epcv_mat_info: the shape and memory of a native image.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CvMatInfo
{
    public int Rows;
    public int Cols;
    public int Channels;
    public int Type;
    public long Step;
    public IntPtr Data;
}
