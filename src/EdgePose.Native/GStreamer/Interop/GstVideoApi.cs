using System.Runtime.InteropServices;

namespace EdgePose.Native.GStreamer.Interop;

/// <summary>libgstvideo-1.0: a buffer's video meta (plane offsets and strides when they differ from the default layout).</summary>
internal static partial class GstVideoApi
{
    /// <summary>Borrowed from the buffer; null when the buffer has the default layout.</summary>
    [LibraryImport(GstLibraries.Video, EntryPoint = "gst_buffer_get_video_meta")]
    public static partial IntPtr BufferGetVideoMeta(IntPtr buffer);
}
