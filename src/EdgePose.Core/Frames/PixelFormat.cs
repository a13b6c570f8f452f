namespace EdgePose.Core.Frames;

/// <summary>How a frame's pixels are laid out.</summary>
public enum PixelFormat
{
    /// <summary>Packed 8-bit B, G, R (OpenCV's layout): 3 bytes per pixel.</summary>
    Bgr24,

    /// <summary>8-bit Y plane, then interleaved U/V at half resolution (cameras, hardware decoders): 1.5 bytes per pixel.</summary>
    Nv12,
}
