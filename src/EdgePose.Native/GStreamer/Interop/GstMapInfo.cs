using System.Runtime.InteropServices;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>GstMapInfo (gstmemory.h): filled by gst_buffer_map, given back to gst_buffer_unmap. Lives on the stack.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GstMapInfo
{
    public IntPtr Memory;
    public int Flags;
    public byte* Data;
    public nuint Size;
    public nuint MaxSize;
    public fixed long UserData[4];
    public fixed long Reserved[4];
}
