using EdgePose.Core.Charts;
using EdgePose.Core.Meta;
using EdgePose.Native.Drawing;
using EdgePose.Native.Tests.OpenCv;

namespace EdgePose.Native.Tests.Drawing;

public class ChartPainterTests
{
    [Fact]
    public void Chart_is_drawn_on_a_white_canvas_with_filled_bars_in_their_colour()
    {
        var blue = new Rgb(0, 0, 255);
        using var canvas = ChartPainter.Render(60, 40, [ChartElement.Fill(10, 10, 29, 19, blue)]);

        Assert.Equal((60, 40), (canvas.Width, canvas.Height));
        Assert.Equal(((byte)255, (byte)255, (byte)255), TestImages.At(canvas, 0, 0));
        Assert.Equal(((byte)255, (byte)0, (byte)0), TestImages.At(canvas, 20, 15)); // BGR
        Assert.Equal(((byte)255, (byte)255, (byte)255), TestImages.At(canvas, 31, 15));
    }

    [Fact]
    public void Right_anchored_text_ends_at_its_x_and_left_anchored_text_starts_there()
    {
        using var right = ChartPainter.Render(200, 40, [ChartElement.Label("1.00", 100, 25, 0.5, ChartPalette.Text, TextAnchor.Right)]);
        using var left = ChartPainter.Render(200, 40, [ChartElement.Label("1.00", 100, 25, 0.5, ChartPalette.Text, TextAnchor.Left)]);

        var (rMin, rMax) = InkColumns(right);
        var (lMin, lMax) = InkColumns(left);
        Assert.InRange(rMax, 92, 100);
        Assert.InRange(lMin, 100, 108);
        Assert.Equal(rMax - rMin, lMax - lMin);
    }

    private static (int Min, int Max) InkColumns(EdgePose.Native.OpenCv.BgrMat image)
    {
        int min = int.MaxValue, max = -1;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                if (TestImages.At(image, x, y).B < 200)
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }
            }
        }

        return (min, max);
    }
}
