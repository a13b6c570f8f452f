using System.Runtime.InteropServices;
using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Tests.OpenCv;

public class BgrMatTests
{
    [Fact]
    public void New_image_has_its_size_and_rows_of_at_least_three_bytes_per_pixel()
    {
        using var image = new BgrMat(33, 7);
        Assert.Equal(33, image.Width);
        Assert.Equal(7, image.Height);
        Assert.True(image.Stride >= 33 * 3);
        Assert.False(image.IsEmpty);
        Assert.Equal((6 * image.Stride) + (33 * 3), image.Pixels.Length);
        Assert.Equal(99, image.Row(6).Length);
    }

    [Fact]
    public void Core_view_shows_the_same_pixels()
    {
        using var image = TestImages.Pattern(21, 13);
        var view = image.AsView();
        Assert.Equal((21, 13, image.Stride), (view.Width, view.Height, view.Stride));
        Assert.True(view.Pixels.SequenceEqual(image.Pixels));
    }

    [Fact]
    public void Empty_image_has_no_pixels()
    {
        using var image = new BgrMat();
        Assert.True(image.IsEmpty);
        Assert.Equal(0, image.Width);
        Assert.Equal(0, image.Pixels.Length);
    }

    [Fact]
    public void Pixels_written_in_managed_code_are_what_native_code_sees()
    {
        using var image = TestImages.Solid(8, 8, 10, 20, 30);
        using var png = ImageCodec.Encode(image, ImageFormat.Png);
        using var back = ImageCodec.Decode(png.Bytes);
        Assert.Equal((10, 20, 30), TestImages.At(back, 5, 5));
    }

    [Fact]
    public void Ensure_size_keeps_the_memory_when_the_size_is_unchanged_and_resizes_otherwise()
    {
        using var image = new BgrMat(64, 48);
        var before = TestImages.Address(image);
        image.EnsureSize(64, 48);
        Assert.Equal(before, TestImages.Address(image));
        image.EnsureSize(32, 16);
        Assert.Equal((32, 16), (image.Width, image.Height));
    }

    [Fact]
    public void Wrapped_unmanaged_memory_is_drawn_into_in_place()
    {
        const int width = 16, height = 8, stride = 64;
        var memory = Marshal.AllocHGlobal(stride * height);
        try
        {
            using var image = BgrMat.WrapUnmanaged(memory, width, height, stride);
            Assert.True(image.IsWrapped);
            Assert.Equal(stride, image.Stride);
            image.FillRectangle(0, 0, width - 1, height - 1, new Rgb(1, 2, 3), antialias: false);
            Assert.Equal(3, Marshal.ReadByte(memory, (7 * stride) + (15 * 3)));
            Assert.Equal(1, Marshal.ReadByte(memory, (7 * stride) + (15 * 3) + 2));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void Wrapped_image_refuses_an_operation_that_needs_another_size()
    {
        var memory = Marshal.AllocHGlobal(16 * 8 * 3);
        try
        {
            using var image = BgrMat.WrapUnmanaged(memory, 16, 8, 16 * 3);
            using var source = TestImages.Pattern(40, 30);
            var e = Assert.Throws<InvalidOperationException>(() => ImageResize.Resize(source, image, 20, 10));
            Assert.Contains("16x8", e.Message);
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void Wrapping_with_a_stride_shorter_than_a_row_is_rejected()
    {
        var memory = Marshal.AllocHGlobal(64);
        try
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => BgrMat.WrapUnmanaged(memory, 16, 1, 47));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    [Fact]
    public void Non_positive_size_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgrMat(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgrMat(10, -1));
    }

    [Fact]
    public void Row_outside_the_image_is_rejected()
    {
        using var image = new BgrMat(4, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Row(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Row(-1));
    }

    [Fact]
    public void Disposed_image_cannot_be_used()
    {
        var image = new BgrMat(4, 4);
        image.Dispose();
        Assert.True(image.IsEmpty);
        Assert.Throws<ObjectDisposedException>(() => image.EnsureSize(8, 8));
        Assert.Throws<ObjectDisposedException>(() => ImageCodec.Decode([1, 2, 3], image));
    }
}
