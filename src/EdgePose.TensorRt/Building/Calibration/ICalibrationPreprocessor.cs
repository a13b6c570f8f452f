namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>
/// Turns one calibration image into the model's input, exactly as inference preprocesses frames
/// (letterbox to the input size, RGB, 0..1, CHW). INT8 calibration measures activation ranges on what
/// this produces, so any difference from inference preprocessing costs accuracy.
/// </summary>
public interface ICalibrationPreprocessor
{
    /// <summary>
    /// Decodes <paramref name="imagePath"/> and writes it into <paramref name="chw"/> (3 x
    /// <paramref name="height"/> x <paramref name="width"/> floats). Throws <see cref="Core.Errors.InputException"/>
    /// naming the file when it cannot be read.
    /// </summary>
    void Preprocess(string imagePath, int height, int width, Span<float> chw);
}
