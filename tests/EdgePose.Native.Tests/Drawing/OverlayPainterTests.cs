using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Native.Drawing;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.Drawing;

public class OverlayPainterTests
{
    private static readonly Rgb s_red = new(230, 20, 10);
    private static readonly Rgb s_green = new(10, 200, 30);

    private static List<DrawCommand> Commands() =>
    [
        DrawCommand.Rectangle(20, 40, 120, 100, s_red, 2),
        DrawCommand.Line(10, 150, 150, 150, s_green, 3),
        DrawCommand.Dot(60, 70, 5, s_green),
        DrawCommand.Label("person 0.87", 20, 40, s_red, 1),
    ];

    [Fact]
    public void Commands_are_drawn_in_bgr_order_where_they_say()
    {
        using var image = new Mat(200, 160, MatType.CV_8UC3, Scalar.All(0));
        OverlayPainter.Paint(image, Commands(), 0.5);

        Assert.Equal((10, 20, 230), At(image, 70, 40)); // the box's top edge: red, as B, G, R
        Assert.Equal((30, 200, 10), At(image, 80, 150)); // the line
        Assert.Equal((30, 200, 10), At(image, 60, 70)); // the dot's centre
        Assert.Equal((0, 0, 0), At(image, 80, 180)); // far from everything
        // The label sits on a red box above the rectangle (rows 27 to 40 at this scale), with white text on it.
        Assert.Equal((10, 20, 230), At(image, 21, 29));
        var greens = Enumerable.Range(20, 90).SelectMany(x => Enumerable.Range(28, 11).Select(y => At(image, x, y).G)).ToList();
        Assert.Contains(greens, g => g > 150);
    }

    [Fact]
    public void A_label_at_the_right_edge_moves_left_to_stay_whole()
    {
        using var image = new Mat(100, 160, MatType.CV_8UC3, Scalar.All(0));
        OverlayPainter.Paint(image, [DrawCommand.Label("id:12 person 0.87", 150, 50, s_red, 1)], 0.5);

        // The label box (about 140 px wide at this scale) ends at the image's last column instead of past it...
        Assert.True(IsRed(At(image, 159, 40)), $"{At(image, 159, 40)} at the last column");
        // ...and starts well left of where it was asked to, where nothing else was drawn.
        Assert.True(IsRed(At(image, 30, 38)), $"{At(image, 30, 38)} at column 30");
    }

    [Fact]
    public void Painting_the_next_frame_allocates_nothing()
    {
        using var frame = new Mat(200, 160, MatType.CV_8UC3, Scalar.All(0));
        var commands = Commands();
        OverlayPainter.Paint(frame, commands, 0.5);
        OverlayPainter.Paint(frame, commands, 0.5);

        Assert.Equal(0, SteadyAllocation.Least(() => OverlayPainter.Paint(frame, commands, 0.5)));
    }

    // The label's box colour; its antialiased edges and the text's own antialiasing blend a little white in.
    private static bool IsRed((int B, int G, int R) p) => p.R > 200 && p.G < 60 && p.B < 60;

    private static (int B, int G, int R) At(Mat image, int x, int y)
    {
        var row = image.BgrRow(y);
        return (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
    }
}
