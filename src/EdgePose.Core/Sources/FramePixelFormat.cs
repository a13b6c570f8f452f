namespace EdgePose.Core.Sources;

/// <summary>The pixel layout a source hands over.</summary>
public enum FramePixelFormat
{
    /// <summary>8-bit B, G, R, 3 bytes a pixel (the CPU path).</summary>
    Bgr,

    /// <summary>8-bit luma plane, then interleaved U, V at half resolution (the GPU path).</summary>
    Nv12,
}
