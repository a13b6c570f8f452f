using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>
/// Calibration images preprocessed exactly as <see cref="PosePredictor.Preprocess"/> treats frames:
/// decoded by OpenCV (<see cref="ImageCodec"/>, 8-bit BGR as cv2.imread gives), then Core's
/// <see cref="Letterbox"/> with the same <see cref="IBgrResizer"/> (OpenCV's bilinear) and
/// <see cref="LetterboxTensorWriter"/>: letterboxed, RGB, 0..1, CHW. Calibration thus measures the value
/// ranges the engine will see. Buffers are reused across images.
/// </summary>
public sealed class LetterboxCalibrationPreprocessor(IBgrResizer resizer) : ICalibrationPreprocessor, IDisposable
{
    private readonly bool _ownsResizer;
    private byte[] _resized = [];

    /// <summary>With OpenCV's resizer, as inference uses.</summary>
    public LetterboxCalibrationPreprocessor()
        : this(new OpenCvBgrResizer())
    {
        _ownsResizer = true;
    }

    public void Preprocess(string imagePath, int height, int width, Span<float> chw)
    {
        using var image = ImageCodec.Read(imagePath);
        Write(image.AsBgrImage(), height, width, chw);
    }

    /// <summary>Letterboxes an already decoded image into <paramref name="chw"/>.</summary>
    public void Write(BgrImage image, int height, int width, Span<float> chw)
    {
        var box = Letterbox.Compute(image.Width, image.Height, width, height);
        if (!box.NeedsResize)
        {
            LetterboxTensorWriter.Write(box, image.Pixels, image.Stride, chw);
            return;
        }

        var stride = box.ResizedWidth * 3;
        var bytes = stride * box.ResizedHeight;
        if (_resized.Length < bytes)
        {
            _resized = new byte[bytes];
        }

        var resized = _resized.AsSpan(0, bytes);
        resizer.Resize(image, resized, box.ResizedWidth, box.ResizedHeight, stride);
        LetterboxTensorWriter.Write(box, resized, stride, chw);
    }

    public void Dispose()
    {
        if (_ownsResizer)
        {
            (resizer as IDisposable)?.Dispose();
        }
    }
}
