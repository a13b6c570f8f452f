using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Tests.OpenCv;

public class ImageResizeTests
{
    [Fact]
    public void Resize_into_a_reused_image_keeps_its_memory()
    {
        using var source = TestImages.Pattern(768, 576);
        using var destination = new BgrMat();
        ImageResize.Resize(source, destination, 640, 480);
        var address = TestImages.Address(destination);
        ImageResize.Resize(source, destination, 640, 480);
        Assert.Equal((640, 480), (destination.Width, destination.Height));
        Assert.Equal(address, TestImages.Address(destination));
    }

    [Fact]
    public void Resize_of_a_solid_image_stays_solid()
    {
        using var source = TestImages.Solid(50, 30, 7, 77, 177);
        using var destination = new BgrMat();
        ImageResize.Resize(source, destination, 123, 45);
        Assert.Equal((7, 77, 177), TestImages.At(destination, 0, 0));
        Assert.Equal((7, 77, 177), TestImages.At(destination, 122, 44));
        Assert.Equal((7, 77, 177), TestImages.At(destination, 61, 22));
    }

    [Fact]
    public void Resize_into_caller_memory_gives_the_same_pixels_and_leaves_the_border_alone()
    {
        using var source = TestImages.Pattern(300, 200);
        using var reference = new BgrMat();
        ImageResize.Resize(source, reference, 160, 100);

        // A 200x120 canvas of 114 with the resized image at (30, 7): a letterbox.
        const int canvasWidth = 200, canvasHeight = 120, left = 30, top = 7;
        const int stride = canvasWidth * 3;
        var canvas = new byte[stride * canvasHeight];
        canvas.AsSpan().Fill(114);
        ImageResize.Resize(source, canvas.AsSpan((top * stride) + (left * 3)), 160, 100, stride);

        var expected = TestImages.PackedBytes(reference);
        for (var y = 0; y < canvasHeight; y++)
        {
            for (var x = 0; x < canvasWidth; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var inside = y >= top && y < top + 100 && x >= left && x < left + 160;
                    var want = inside ? expected[(((y - top) * 160) + (x - left)) * 3 + c] : (byte)114;
                    Assert.Equal(want, canvas[(y * stride) + (x * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void Core_resizer_on_a_view_gives_the_same_pixels_as_the_image_resize()
    {
        using var source = TestImages.Pattern(500, 374);
        using var reference = new BgrMat();
        ImageResize.Resize(source, reference, 640, 479);
        var packed = new byte[640 * 479 * 3];
        OpenCvBgrResizer.Instance.Resize(source.AsView(), packed, 640, 479, 640 * 3);
        Assert.Equal(TestImages.PackedBytes(reference), packed);
    }

    [Fact]
    public void Core_view_smaller_than_its_declared_size_is_rejected()
    {
        var pixels = new byte[(10 * 30) - 1];
        var destination = new byte[5 * 5 * 3];
        var e = Assert.Throws<ArgumentException>(() =>
            ImageResize.Resize(new Core.Inference.BgrImage(pixels, 10, 10, 30), destination, 5, 5, 15));
        Assert.Contains("source holds 299 bytes", e.Message);
    }

    [Fact]
    public void Upscale_and_downscale_give_the_requested_sizes_for_every_interpolation()
    {
        using var source = TestImages.Pattern(64, 48);
        using var destination = new BgrMat();
        foreach (var interpolation in Enum.GetValues<Interpolation>())
        {
            ImageResize.Resize(source, destination, 100, 75, interpolation);
            Assert.Equal((100, 75), (destination.Width, destination.Height));
            ImageResize.Resize(source, destination, 20, 15, interpolation);
            Assert.Equal((20, 15), (destination.Width, destination.Height));
        }
    }

    [Fact]
    public void Zero_target_size_is_rejected_with_the_size_in_the_message()
    {
        using var source = TestImages.Pattern(8, 8);
        using var destination = new BgrMat();
        var e = Assert.Throws<ArgumentException>(() => ImageResize.Resize(source, destination, 0, 5));
        Assert.Contains("0x5", e.Message);
    }

    [Fact]
    public void Empty_source_is_rejected()
    {
        using var source = new BgrMat();
        using var destination = new BgrMat();
        Assert.Throws<ArgumentException>(() => ImageResize.Resize(source, destination, 4, 4));
    }

    [Fact]
    public void Same_image_as_source_and_destination_is_rejected()
    {
        using var image = TestImages.Pattern(8, 8);
        Assert.Throws<ArgumentException>(() => ImageResize.Resize(image, image, 4, 4));
    }

    [Fact]
    public void Caller_memory_too_small_for_the_target_is_rejected()
    {
        using var source = TestImages.Pattern(8, 8);
        var small = new byte[(4 * 12) - 1];
        var e = Assert.Throws<ArgumentException>(() => ImageResize.Resize(source, small, 4, 4, 12));
        Assert.Contains("needs 48", e.Message);
    }

    [Fact]
    public void Stride_shorter_than_a_row_is_rejected()
    {
        using var source = TestImages.Pattern(8, 8);
        var buffer = new byte[1000];
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageResize.Resize(source, buffer, 10, 4, 29));
    }
}
