using System.Runtime.InteropServices;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>Reads width, height and format from a sample's caps (video/x-raw) without allocating.</summary>
internal static unsafe class GstCapsReader
{
    /// <summary>The frame format of <paramref name="caps"/>; false with the format name when it is not BGR or NV12.</summary>
    public static bool TryRead(IntPtr caps, out VideoFrameFormat format, out string? unsupported)
    {
        format = default;
        unsupported = null;
        if (caps == IntPtr.Zero || GstSampleApi.CapsGetSize(caps) == 0)
        {
            unsupported = "no caps";
            return false;
        }

        var s = GstSampleApi.CapsGetStructure(caps, 0);
        int width, height;
        byte* name;
        fixed (byte* w = "width\0"u8, h = "height\0"u8, f = "format\0"u8)
        {
            if (GstSampleApi.StructureGetInt(s, w, out width) == 0 || GstSampleApi.StructureGetInt(s, h, out height) == 0 || width <= 0 || height <= 0)
            {
                unsupported = "no frame size";
                return false;
            }

            name = GstSampleApi.StructureGetString(s, f);
        }

        var text = name == null ? ReadOnlySpan<byte>.Empty : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name);
        if (text.SequenceEqual("BGR"u8))
        {
            format = new VideoFrameFormat(width, height, FramePixelFormat.Bgr);
            return true;
        }

        if (text.SequenceEqual("NV12"u8))
        {
            format = new VideoFrameFormat(width, height, FramePixelFormat.Nv12);
            return true;
        }

        unsupported = text.IsEmpty ? "no pixel format" : "format " + System.Text.Encoding.UTF8.GetString(text);
        return false;
    }
}
