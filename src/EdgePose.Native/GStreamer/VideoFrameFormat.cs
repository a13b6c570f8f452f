using EdgePose.Core.Sources;

namespace EdgePose.Native.GStreamer;

/// <summary>
/// Size and pixel format of a source's frames, and the bytes a destination needs: BGR is one plane of
/// Height rows; NV12 is Height rows of luma then (Height + 1) / 2 rows of interleaved chroma, the chroma
/// plane starting at row Height of the destination stride.
/// </summary>
public readonly record struct VideoFrameFormat(int Width, int Height, FramePixelFormat PixelFormat)
{
    /// <summary>Bytes of pixel data in one row of the first plane (BGR: Width * 3; NV12: Width).</summary>
    public int RowBytes => PixelFormat == FramePixelFormat.Bgr ? Width * 3 : Width;

    /// <summary>Bytes of pixel data in one chroma row of NV12 (Width rounded up to even); 0 for BGR.</summary>
    public int ChromaRowBytes => PixelFormat == FramePixelFormat.Nv12 ? (Width + 1) & ~1 : 0;

    /// <summary>Rows of the chroma plane ((Height + 1) / 2 for NV12, 0 for BGR).</summary>
    public int ChromaRows => PixelFormat == FramePixelFormat.Nv12 ? (Height + 1) / 2 : 0;

    /// <summary>The smallest row stride a destination may have.</summary>
    public int MinStride => Math.Max(RowBytes, ChromaRowBytes);

    /// <summary>Bytes a destination with rows <paramref name="stride"/> apart needs (the last row needs no padding after it).</summary>
    public int BytesFor(int stride) => PixelFormat == FramePixelFormat.Bgr
        ? checked((stride * (Height - 1)) + RowBytes)
        : checked((stride * (Height + ChromaRows - 1)) + ChromaRowBytes);

    /// <summary>Bytes of a tightly packed frame (rows <see cref="MinStride"/> apart).</summary>
    public int TightBytes => BytesFor(MinStride);

    public override string ToString() => FormattableString.Invariant($"{Width}x{Height} {PixelFormat}");
}
