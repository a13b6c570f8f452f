using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>
/// Core's managed <see cref="BilinearBgrResizer"/> (the live pipeline's resize, so a headless run needs no OpenCV)
/// against cv::resize INTER_LINEAR itself: the same bytes for downscales, upscales, exact halves and thirds,
/// odd sizes and one-pixel edges, on smooth patterns and on noise.
/// </summary>
public class BilinearBgrResizerParityTests
{
    [Theory]
    [InlineData(768, 576, 640, 480)] // vtest.avi into 640
    [InlineData(1920, 1080, 640, 360)] // exactly a third
    [InlineData(1280, 720, 640, 360)] // exactly half: OpenCV's 2x2 area path
    [InlineData(320, 240, 640, 480)] // twice the size
    [InlineData(97, 61, 50, 31)]
    [InlineData(33, 17, 640, 330)]
    [InlineData(640, 427, 640, 427)] // no change: a copy
    [InlineData(500, 375, 640, 480)]
    [InlineData(1, 1, 5, 3)]
    [InlineData(7, 1, 3, 1)]
    [InlineData(2, 9, 1, 4)]
    [InlineData(1001, 999, 333, 640)]
    public void Managed_resize_gives_the_bytes_of_cv2_resize_inter_linear(int sw, int sh, int dw, int dh)
    {
        foreach (var seed in new[] { 0, 1 })
        {
            using var source = seed == 0 ? TestImages.Pattern(sw, sh) : Noise(sw, sh, seed);
            using var expected = new Mat();
            Cv2.Resize(source, expected, new Size(dw, dh), 0, 0, InterpolationFlags.Linear);

            int stride = (dw * 3) + 5;
            var actual = new byte[stride * dh];
            new BilinearBgrResizer().Resize(source.AsBgrImage(), actual, dw, dh, stride);

            for (int y = 0; y < dh; y++)
            {
                var want = expected.BgrRow(y).ToArray();
                var got = actual.AsSpan(y * stride, dw * 3).ToArray();
                if (!want.AsSpan().SequenceEqual(got))
                {
                    int x = want.AsSpan().CommonPrefixLength(got);
                    Assert.Fail($"{sw}x{sh} -> {dw}x{dh} ({(seed == 0 ? "pattern" : "noise")}): row {y} byte {x}: OpenCV {want[x]}, managed {got[x]}");
                }
            }
        }
    }

    [Fact]
    public void One_resizer_gives_the_same_bytes_when_the_sizes_change_between_calls()
    {
        using var a = Noise(768, 576, 3);
        using var b = Noise(1280, 720, 4);
        var resizer = new BilinearBgrResizer();
        foreach (var (image, w, h) in new[] { (a, 640, 480), (b, 640, 360), (a, 640, 480), (b, 320, 180) })
        {
            using var expected = new Mat();
            Cv2.Resize(image, expected, new Size(w, h), 0, 0, InterpolationFlags.Linear);
            var actual = new byte[w * h * 3];
            resizer.Resize(image.AsBgrImage(), actual, w, h, w * 3);
            Assert.Equal(TestImages.PackedBytes(expected), actual);
        }
    }

    private static Mat Noise(int width, int height, int seed)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        var random = new Random(seed);
        for (int y = 0; y < height; y++)
        {
            random.NextBytes(image.BgrRow(y));
        }

        return image;
    }
}
