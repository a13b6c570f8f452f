using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>
/// Calibration images preprocessed through the same stage as inference frames: decoded by OpenCV
/// (<see cref="ImageCodec"/>, 8-bit BGR as cv2.imread gives), then <see cref="LetterboxPreprocessor"/> with OpenCV's
/// bilinear resize: letterboxed, RGB, 0..1, CHW. Calibration thus measures the value ranges the engine will see.
/// </summary>
public sealed class LetterboxCalibrationPreprocessor(IBgrResizer resizer) : ICalibrationPreprocessor, IDisposable
{
    private readonly bool _ownsResizer;
    private LetterboxPreprocessor? _stage;

    /// <summary>With OpenCV's resizer, as inference uses.</summary>
    public LetterboxCalibrationPreprocessor()
        : this(new OpenCvBgrResizer())
    {
        _ownsResizer = true;
    }

    public void Preprocess(string imagePath, int height, int width, Span<float> chw)
    {
        using var image = ImageCodec.Read(imagePath);
        if (_stage is null || _stage.InputWidth != width || _stage.InputHeight != height)
        {
            _stage = new LetterboxPreprocessor(resizer, width, height);
        }

        // Calibration images differ in size, and slots are refilled in turn: write every slot in full.
        Letterbox? padding = null;
        _stage.Write(image.AsBgrImage(), chw, ref padding);
    }

    public void Dispose()
    {
        if (_ownsResizer)
        {
            (resizer as IDisposable)?.Dispose();
        }
    }
}
