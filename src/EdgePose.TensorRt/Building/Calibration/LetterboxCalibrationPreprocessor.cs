using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>
/// Calibration images preprocessed the way inference preprocesses frames (EdgePose.Core's
/// <see cref="Letterbox"/>, the same <see cref="IBgrResizer"/>, <see cref="LetterboxTensorWriter"/>):
/// letterboxed, RGB, 0..1, CHW. Calibration then measures the value ranges the engine will see.
/// </summary>
public sealed class LetterboxCalibrationPreprocessor(ICalibrationImageDecoder decoder, IBgrResizer resizer) : ICalibrationPreprocessor
{
    private byte[] _resized = [];

    public void Preprocess(string imagePath, int height, int width, Span<float> chw)
    {
        var image = decoder.Decode(imagePath).AsView();
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
}
