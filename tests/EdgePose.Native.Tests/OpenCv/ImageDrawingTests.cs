using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Tests.OpenCv;

public class ImageDrawingTests
{
    private static readonly Rgb Red = new(255, 0, 0);
    private static readonly (byte, byte, byte) Black = (0, 0, 0);
    private static readonly (byte, byte, byte) RedBgr = (0, 0, 255);

    [Fact]
    public void Line_colours_the_pixels_along_it_in_bgr_order_and_nothing_far_from_it()
    {
        using var image = TestImages.Solid(40, 20, 0, 0, 0);
        image.DrawLine(5, 10, 34, 10, Red, thickness: 1, antialias: false);
        for (var x = 5; x <= 34; x++)
        {
            Assert.Equal(RedBgr, TestImages.At(image, x, 10));
        }

        Assert.Equal(Black, TestImages.At(image, 4, 10));
        Assert.Equal(Black, TestImages.At(image, 20, 12));
    }

    [Fact]
    public void Antialiased_line_blends_its_edges()
    {
        using var image = TestImages.Solid(40, 40, 0, 0, 0);
        image.DrawLine(3, 5, 36, 31, new Rgb(0, 255, 0), thickness: 2);
        var greens = new HashSet<byte>();
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                greens.Add(TestImages.At(image, x, y).G);
            }
        }

        Assert.Contains((byte)255, greens);
        Assert.True(greens.Count > 3, "antialiasing leaves partly covered pixels");
    }

    [Fact]
    public void Filled_circle_covers_its_centre_and_leaves_the_corners()
    {
        using var image = TestImages.Solid(50, 50, 0, 0, 0);
        image.FillCircle(25, 25, 10, Red);
        Assert.Equal(RedBgr, TestImages.At(image, 25, 25));
        Assert.Equal(RedBgr, TestImages.At(image, 25 + 7, 25));
        Assert.Equal(Black, TestImages.At(image, 2, 2));
        Assert.Equal(Black, TestImages.At(image, 25 + 13, 25));
    }

    [Fact]
    public void Circle_outline_leaves_its_centre()
    {
        using var image = TestImages.Solid(50, 50, 0, 0, 0);
        image.DrawCircle(25, 25, 10, Red, thickness: 1, antialias: false);
        Assert.Equal(Black, TestImages.At(image, 25, 25));
        Assert.Equal(RedBgr, TestImages.At(image, 35, 25));
    }

    [Fact]
    public void Rectangle_outline_colours_its_corners_and_leaves_its_inside()
    {
        using var image = TestImages.Solid(30, 30, 0, 0, 0);
        image.DrawRectangle(5, 6, 20, 25, Red, thickness: 1, antialias: false);
        Assert.Equal(RedBgr, TestImages.At(image, 5, 6));
        Assert.Equal(RedBgr, TestImages.At(image, 20, 25));
        Assert.Equal(RedBgr, TestImages.At(image, 12, 6));
        Assert.Equal(Black, TestImages.At(image, 12, 15));
        Assert.Equal(Black, TestImages.At(image, 21, 26));
    }

    [Fact]
    public void Filled_rectangle_covers_exactly_its_inclusive_corners()
    {
        using var image = TestImages.Solid(30, 30, 0, 0, 0);
        image.FillRectangle(5, 6, 20, 25, Red, antialias: false);
        Assert.Equal(RedBgr, TestImages.At(image, 12, 15));
        Assert.Equal(RedBgr, TestImages.At(image, 20, 25));
        Assert.Equal(Black, TestImages.At(image, 4, 6));
        Assert.Equal(Black, TestImages.At(image, 21, 25));
    }

    [Fact]
    public void Text_is_drawn_within_its_measured_box()
    {
        const int x = 10, y = 40;
        using var image = TestImages.Solid(200, 60, 0, 0, 0);
        var size = ImageDrawing.MeasureText("person 0.87", 0.7, 2);
        Assert.True(size.Width > 50 && size.Height > 5 && size.Baseline > 0);
        image.DrawText("person 0.87", x, y, 0.7, new Rgb(255, 255, 255), thickness: 2);

        int changed = 0, outside = 0;
        for (var py = 0; py < image.Height; py++)
        {
            for (var px = 0; px < image.Width; px++)
            {
                if (TestImages.At(image, px, py) == Black)
                {
                    continue;
                }

                changed++;
                var inBox = px >= x - 2 && px <= x + size.Width + 2 && py >= y - size.Height - 2 && py <= y + size.Baseline + 2;
                outside += inBox ? 0 : 1;
            }
        }

        Assert.True(changed > 100, $"{changed} pixels changed");
        Assert.Equal(0, outside);
    }

    [Fact]
    public void Longer_text_measures_wider()
    {
        var a = ImageDrawing.MeasureText("person", 1.0, 1);
        var b = ImageDrawing.MeasureText("person 0.87", 1.0, 1);
        Assert.True(b.Width > a.Width);
        Assert.Equal(a.Height, b.Height);
    }

    [Fact]
    public void Long_text_beyond_the_stack_buffer_is_drawn()
    {
        using var image = TestImages.Solid(100, 40, 0, 0, 0);
        image.DrawText(new string('x', 1000), 0, 30, 0.5, Red);
        Assert.NotEqual(Black, TestImages.At(image, 3, 27));
    }

    [Fact]
    public void Shapes_outside_the_image_are_clipped_without_error()
    {
        using var image = TestImages.Solid(10, 10, 0, 0, 0);
        image.DrawLine(-100, -100, -50, -50, Red);
        image.FillCircle(1000, 1000, 5, Red);
        image.DrawText("far away", 500, 500, 1, Red);
        Assert.All(Enumerable.Range(0, 10), y => Assert.Equal(Black, TestImages.At(image, 5, y)));
    }

    [Fact]
    public void Zero_thickness_is_rejected_with_the_value_in_the_message()
    {
        using var image = TestImages.Solid(10, 10, 0, 0, 0);
        var e = Assert.Throws<ArgumentException>(() => image.DrawLine(0, 0, 5, 5, Red, thickness: 0));
        Assert.Contains("got 0", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.DrawRectangle(0, 0, 5, 5, Red, thickness: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.DrawCircle(0, 0, 5, Red, thickness: -1));
    }

    [Fact]
    public void Negative_radius_and_font_scale_are_rejected()
    {
        using var image = TestImages.Solid(10, 10, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => image.FillCircle(5, 5, -1, Red));
        Assert.Throws<ArgumentException>(() => image.DrawText("a", 0, 5, -1, Red));
        Assert.Throws<ArgumentException>(() => ImageDrawing.MeasureText("a", 0, 1));
    }

    [Fact]
    public void Drawing_on_an_empty_image_is_rejected()
    {
        using var image = new BgrMat();
        Assert.Throws<ArgumentException>(() => image.DrawLine(0, 0, 1, 1, Red));
    }
}
