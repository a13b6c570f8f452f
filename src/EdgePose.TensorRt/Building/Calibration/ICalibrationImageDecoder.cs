using EdgePose.Core.Inference;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>Decodes an image file to BGR pixels (the OpenCV shim implements it, as for inference).</summary>
public interface ICalibrationImageDecoder
{
    /// <summary>Decodes <paramref name="path"/>; <see cref="Core.Errors.InputException"/> naming the file when it is unreadable.</summary>
    DecodedBgrImage Decode(string path);
}

/// <summary>A decoded image held in managed memory (calibration is offline: one allocation per image is fine).</summary>
public sealed record DecodedBgrImage(byte[] Pixels, int Width, int Height, int Stride)
{
    public BgrImage AsView() => new(Pixels, Width, Height, Stride);
}
