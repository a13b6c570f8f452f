using EdgePose.Core.Charts;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Drawing;

/// <summary>Draws Core's <see cref="ChartElement"/>s with OpenCV on a white canvas.</summary>
public static class ChartPainter
{
    /// <summary>A new <paramref name="width"/> × <paramref name="height"/> white image with the chart drawn on it; the caller disposes it.</summary>
    public static BgrMat Render(int width, int height, IReadOnlyList<ChartElement> elements)
    {
        var canvas = new BgrMat(width, height);
        try
        {
            canvas.FillRectangle(0, 0, width - 1, height - 1, ChartPalette.White, antialias: false);
            Paint(canvas, elements);
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    public static void Paint(BgrMat canvas, IReadOnlyList<ChartElement> elements)
    {
        foreach (var c in elements)
        {
            switch (c.Kind)
            {
                case ChartElementKind.Line:
                    canvas.DrawLine(c.X1, c.Y1, c.X2, c.Y2, c.Color, Math.Max(c.Thickness, 1));
                    break;
                case ChartElementKind.Rectangle:
                    canvas.DrawRectangle(c.X1, c.Y1, c.X2, c.Y2, c.Color, Math.Max(c.Thickness, 1), antialias: false);
                    break;
                case ChartElementKind.FilledRectangle:
                    canvas.FillRectangle(c.X1, c.Y1, c.X2, c.Y2, c.Color, antialias: false);
                    break;
                case ChartElementKind.Text when !string.IsNullOrEmpty(c.Text):
                    int width = ImageDrawing.MeasureText(c.Text, c.FontScale, c.Thickness).Width;
                    int x = c.Anchor switch
                    {
                        TextAnchor.Center => c.X1 - (width / 2),
                        TextAnchor.Right => c.X1 - width,
                        _ => c.X1,
                    };
                    canvas.DrawText(c.Text, x, c.Y1, c.FontScale, c.Color, Math.Max(c.Thickness, 1));
                    break;
            }
        }
    }
}
