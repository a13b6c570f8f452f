using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Where the planes of a mapped GStreamer buffer lie: from the buffer's GstVideoMeta when it has one,
/// otherwise GStreamer's default layout (rows padded to 4 bytes; NV12's chroma after an even number of luma rows).
/// </summary>
internal readonly record struct GstFrameLayout(long Offset0, int Stride0, long Offset1, int Stride1)
{
    private static int RoundUp4(int v) => (v + 3) & ~3;

    /// <summary>GStreamer's default layout for <paramref name="format"/> (gst_video_info_set_format).</summary>
    public static GstFrameLayout Default(VideoFrameFormat format)
    {
        if (format.PixelFormat == FramePixelFormat.Bgr)
        {
            return new GstFrameLayout(0, RoundUp4(format.Width * 3), 0, 0);
        }

        var stride = RoundUp4(format.Width);
        return new GstFrameLayout(0, stride, (long)stride * ((format.Height + 1) & ~1), stride);
    }

    /// <summary>The layout of <paramref name="buffer"/>: its video meta's, or the default.</summary>
    public static GstFrameLayout Of(IntPtr buffer, VideoFrameFormat format)
    {
        var meta = GstVideoApi.BufferGetVideoMeta(buffer);
        if (meta == IntPtr.Zero)
        {
            return Default(format);
        }

        var planes = GstLayout.VideoMetaPlanes(meta);
        return new GstFrameLayout(
            GstLayout.VideoMetaOffset(meta, 0),
            GstLayout.VideoMetaStride(meta, 0),
            planes > 1 ? GstLayout.VideoMetaOffset(meta, 1) : 0,
            planes > 1 ? GstLayout.VideoMetaStride(meta, 1) : 0);
    }

    /// <summary>The bytes the mapped buffer must hold for this layout.</summary>
    public long RequiredBytes(VideoFrameFormat format)
    {
        var end0 = Offset0 + ((long)Stride0 * (format.Height - 1)) + format.RowBytes;
        return format.PixelFormat == FramePixelFormat.Bgr
            ? end0
            : Math.Max(end0, Offset1 + ((long)Stride1 * (format.ChromaRows - 1)) + format.ChromaRowBytes);
    }
}
