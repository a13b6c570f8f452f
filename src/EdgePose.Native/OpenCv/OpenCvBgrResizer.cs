using EdgePose.Core.Inference;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Core's <see cref="IBgrResizer"/> on OpenCV: bilinear (cv::INTER_LINEAR), bit-identical to the resize in
/// Ultralytics' LetterBox on the same OpenCV build. Allocates nothing per call; stateless, so one
/// instance serves every predictor.
/// </summary>
public sealed class OpenCvBgrResizer : IBgrResizer
{
    public static OpenCvBgrResizer Instance { get; } = new();

    public void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride) =>
        ImageResize.Resize(source, destination, width, height, stride, Interpolation.Linear);
}
