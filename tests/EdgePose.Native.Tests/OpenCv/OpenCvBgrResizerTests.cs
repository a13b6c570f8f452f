using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

public class OpenCvBgrResizerTests
{
    [Fact]
    public void Core_resizer_gives_the_pixels_of_cv2_resize_and_leaves_the_border_alone()
    {
        using var source = TestImages.Pattern(97, 61);
        using var expected = new Mat();
        Cv2.Resize(source, expected, new Size(50, 31), 0, 0, InterpolationFlags.Linear);

        const int stride = 60 * 3;
        var canvas = new byte[stride * 40];
        canvas.AsSpan().Fill(114);
        using var resizer = new OpenCvBgrResizer();
        resizer.Resize(source.AsBgrImage(), canvas.AsSpan((2 * stride) + (3 * 3)), 50, 31, stride);

        for (int y = 0; y < 31; y++)
        {
            Assert.Equal(expected.BgrRow(y).ToArray(), canvas.AsSpan(((y + 2) * stride) + 9, 50 * 3).ToArray());
        }

        Assert.All(canvas.AsSpan(0, 2 * stride).ToArray(), b => Assert.Equal(114, b));
        Assert.Equal(114, canvas[(2 * stride) + 8]);
        Assert.Equal(114, canvas[(2 * stride) + 9 + (50 * 3)]);
    }

    [Fact]
    public void Resizing_the_same_buffers_again_allocates_nothing()
    {
        using var source = TestImages.Pattern(64, 48);
        using var mirror = TestImages.Pattern(64, 48, seed: 1);
        var destination = new byte[40 * 30 * 3];
        using var resizer = new OpenCvBgrResizer();
        resizer.Resize(source.AsBgrImage(), destination, 40, 30, 40 * 3);
        resizer.Resize(mirror.AsBgrImage(), destination, 40, 30, 40 * 3);

        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                resizer.Resize(source.AsBgrImage(), destination, 40, 30, 40 * 3);
                resizer.Resize(mirror.AsBgrImage(), destination, 40, 30, 40 * 3);
            }
        }));
    }

    [Fact]
    public void Caller_memory_too_small_for_the_target_is_rejected()
    {
        using var source = TestImages.Pattern(16, 16);
        using var resizer = new OpenCvBgrResizer();
        var e = Assert.Throws<ArgumentException>(() => resizer.Resize(source.AsBgrImage(), new byte[10], 8, 8, 24));
        Assert.Contains("needs 192", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mat_that_is_not_8_bit_bgr_is_refused_as_a_view()
    {
        using var gray = new Mat(4, 4, MatType.CV_8UC1);
        Assert.Throws<ArgumentException>(() => gray.AsBgrImage());
        using var empty = new Mat();
        Assert.Throws<ArgumentException>(() => empty.AsBgrImage());
    }
}
