using EdgePose.Core.Errors;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Building;

/// <summary>Calibration images become model input the way frames do: OpenCV decode, letterbox, RGB planes, /255.</summary>
public class LetterboxCalibrationPreprocessorTests
{
    private const int Size = 640;
    private const int Plane = Size * Size;
    private static readonly float Pad = LetterboxTensorWriter.ToUnit(Letterbox.PadValue);

    private static string Image(string name) => Path.Combine(TestPaths.Coco8Pose, "images", "train", name);

    [RequiresSharedFact("data/coco8-pose/images/train/000000000036.jpg")]
    public void Portrait_image_is_centred_between_grey_bars_with_its_pixels_as_rgb_over_255()
    {
        var chw = new float[3 * Plane];
        using var preprocessor = new LetterboxCalibrationPreprocessor();

        preprocessor.Preprocess(Image("000000000036.jpg"), Size, Size, chw);

        using var decoded = ImageCodec.Read(Image("000000000036.jpg"));
        int width = decoded.Cols;
        var box = Letterbox.Compute(width, decoded.Rows, Size, Size);
        Assert.False(box.NeedsResize); // 481x640 fits 640x640 at gain 1
        Assert.Equal(Pad, chw[(300 * Size) + box.PadLeft - 1]);
        Assert.Equal(Pad, chw[(2 * Plane) + (300 * Size) + Size - 1]);
        var view = decoded.AsBgrImage();
        for (var x = 0; x < width; x += 37)
        {
            var bgr = view.Pixels.Slice((300 * view.Stride) + (3 * x), 3);
            var o = (300 * Size) + box.PadLeft + x;
            Assert.Equal(bgr[2] / 255f, chw[o]);
            Assert.Equal(bgr[1] / 255f, chw[Plane + o]);
            Assert.Equal(bgr[0] / 255f, chw[(2 * Plane) + o]);
        }
    }

    [RequiresSharedFact("data/coco8-pose/images/train/000000000049.jpg", "data/coco8-pose/images/train/000000000036.jpg")]
    public void Images_of_other_sizes_reuse_the_buffers_and_scale_to_fit()
    {
        var chw = new float[3 * Plane];
        using var preprocessor = new LetterboxCalibrationPreprocessor();
        preprocessor.Preprocess(Image("000000000036.jpg"), Size, Size, chw);

        preprocessor.Preprocess(Image("000000000049.jpg"), Size, Size, chw);

        using var decoded = ImageCodec.Read(Image("000000000049.jpg"));
        int width = decoded.Cols;
        var box = Letterbox.Compute(width, decoded.Rows, Size, Size);
        Assert.True(box.NeedsResize);
        Assert.Equal(Size, box.ResizedHeight);
        Assert.Equal(Pad, chw[(320 * Size) + box.PadLeft - 1]);
        Assert.Contains(chw.AsSpan((320 * Size) + box.PadLeft, box.ResizedWidth).ToArray(), v => v != Pad);
    }

    [Fact]
    public void Unreadable_image_is_rejected_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgepose-{Guid.NewGuid():N}.jpg");
        File.WriteAllText(path, "not a jpeg");
        try
        {
            using var preprocessor = new LetterboxCalibrationPreprocessor();

            var e = Assert.Throws<InputException>(() => preprocessor.Preprocess(path, Size, Size, new float[3 * Plane]));

            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
