using EdgePose.Core.Sources;

namespace EdgePose.Native.GStreamer;

/// <summary>Copies a frame's planes from a mapped GStreamer buffer into a destination with its own row stride.</summary>
internal static class FramePlaneCopier
{
    public static unsafe void Copy(byte* source, GstFrameLayout layout, VideoFrameFormat format, Span<byte> destination, int destinationStride)
    {
        CopyPlane(source + layout.Offset0, layout.Stride0, format.RowBytes, format.Height, destination, destinationStride);
        if (format.PixelFormat == FramePixelFormat.Nv12)
        {
            CopyPlane(source + layout.Offset1, layout.Stride1, format.ChromaRowBytes, format.ChromaRows, destination[(destinationStride * format.Height)..], destinationStride);
        }
    }

    private static unsafe void CopyPlane(byte* source, int sourceStride, int rowBytes, int rows, Span<byte> destination, int destinationStride)
    {
        if (sourceStride == destinationStride)
        {
            var bytes = (sourceStride * (rows - 1)) + rowBytes;
            new ReadOnlySpan<byte>(source, bytes).CopyTo(destination);
            return;
        }

        for (var y = 0; y < rows; y++)
        {
            new ReadOnlySpan<byte>(source + ((long)y * sourceStride), rowBytes).CopyTo(destination.Slice(y * destinationStride, rowBytes));
        }
    }
}
