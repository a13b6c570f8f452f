using System.Runtime.InteropServices;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>
/// Public struct fields that GStreamer 1.x reads through macros rather than functions, at their fixed
/// 64-bit offsets (the GstMiniObject header is 64 bytes; the 1.x ABI does not change them):
/// GST_MESSAGE_TYPE, GST_MESSAGE_SRC, GST_BUFFER_PTS, and GstVideoMeta's planes; GError's message.
/// </summary>
internal static class GstLayout
{
    private const int MiniObjectSize = 64;

    public static GstMessageType MessageType(IntPtr message) => (GstMessageType)(uint)Marshal.ReadInt32(message, MiniObjectSize);

    public static IntPtr MessageSource(IntPtr message) => Marshal.ReadIntPtr(message, MiniObjectSize + 16);

    /// <summary>The buffer's presentation time in nanoseconds, or -1 (GST_CLOCK_TIME_NONE, all bits set) when it has none.</summary>
    public static long BufferPts(IntPtr buffer) => Marshal.ReadInt64(buffer, MiniObjectSize + 8);

    /// <summary>GError.message (after the guint32 domain and gint code).</summary>
    public static string? ErrorMessage(IntPtr error) => Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error, 8));

    public static uint VideoMetaPlanes(IntPtr meta) => (uint)Marshal.ReadInt32(meta, 44);

    public static long VideoMetaOffset(IntPtr meta, int plane) => Marshal.ReadInt64(meta, 48 + (8 * plane));

    public static int VideoMetaStride(IntPtr meta, int plane) => Marshal.ReadInt32(meta, 80 + (4 * plane));
}
