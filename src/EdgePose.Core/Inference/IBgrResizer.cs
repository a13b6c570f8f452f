namespace EdgePose.Core.Inference;

/// <summary>
/// Bilinear resize of a BGR image into a caller-owned buffer. The letterbox must match OpenCV's
/// INTER_LINEAR bit for bit, so the implementation lives with the OpenCV shim.
/// </summary>
public interface IBgrResizer
{
    void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride);
}
