namespace EdgePose.Core.Inference;

/// <summary>
/// Bilinear resize of a BGR image into a caller-owned buffer. The letterbox must match OpenCV's
/// INTER_LINEAR bit for bit, so the implementation is OpenCV itself, at the edge
/// (EdgePose.Native.OpenCv.OpenCvBgrResizer, through OpenCvSharp).
/// </summary>
public interface IBgrResizer
{
    void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride);
}
