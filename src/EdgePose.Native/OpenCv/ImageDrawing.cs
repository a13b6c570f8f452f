using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Drawing on BGR images in place (OpenCV imgproc): lines, circles, rectangles and Hershey Simplex text,
/// antialiased by default as Ultralytics draws. Coordinates are pixels; shapes are clipped to the image.
/// </summary>
public static class ImageDrawing
{
    private const int Line8 = 8;
    private const int LineAa = 16;
    private const int Filled = -1;

    public static void DrawLine(this BgrMat image, int x1, int y1, int x2, int y2, Rgb color, int thickness = 1, bool antialias = true) =>
        CvCheck.ThrowIfFailed(CvShim.DrawLine(Target(image), x1, y1, x2, y2, color.B, color.G, color.R, thickness, LineType(antialias)));

    public static void DrawCircle(this BgrMat image, int centerX, int centerY, int radius, Rgb color, int thickness = 1, bool antialias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thickness);
        Circle(image, centerX, centerY, radius, color, thickness, antialias);
    }

    public static void FillCircle(this BgrMat image, int centerX, int centerY, int radius, Rgb color, bool antialias = true) =>
        Circle(image, centerX, centerY, radius, color, Filled, antialias);

    /// <summary>The outline of the rectangle with corners (x1, y1) and (x2, y2), both inclusive.</summary>
    public static void DrawRectangle(this BgrMat image, int x1, int y1, int x2, int y2, Rgb color, int thickness = 1, bool antialias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thickness);
        Rectangle(image, x1, y1, x2, y2, color, thickness, antialias);
    }

    /// <summary>The rectangle with corners (x1, y1) and (x2, y2), both inclusive, filled.</summary>
    public static void FillRectangle(this BgrMat image, int x1, int y1, int x2, int y2, Rgb color, bool antialias = true) =>
        Rectangle(image, x1, y1, x2, y2, color, Filled, antialias);

    /// <summary>Draws <paramref name="text"/> in Hershey Simplex with the left end of its baseline at (x, y). ASCII only; other characters show as '?'.</summary>
    public static unsafe void DrawText(this BgrMat image, ReadOnlySpan<char> text, int x, int y, double fontScale, Rgb color, int thickness = 1, bool antialias = true)
    {
        var target = Target(image);
        using var utf8 = new Utf8Text(text, stackalloc byte[Utf8Text.StackBytes]);
        fixed (byte* p = utf8.Bytes)
        {
            CvCheck.ThrowIfFailed(CvShim.DrawText(target, p, x, y, fontScale, color.B, color.G, color.R, thickness, LineType(antialias)));
        }
    }

    /// <summary>How much room <see cref="DrawText"/> takes for this text, scale and thickness.</summary>
    public static unsafe TextSize MeasureText(ReadOnlySpan<char> text, double fontScale, int thickness = 1)
    {
        using var utf8 = new Utf8Text(text, stackalloc byte[Utf8Text.StackBytes]);
        fixed (byte* p = utf8.Bytes)
        {
            CvCheck.ThrowIfFailed(CvShim.TextSize(p, fontScale, thickness, out var width, out var height, out var baseline));
            return new TextSize(width, height, baseline);
        }
    }

    private static void Circle(BgrMat image, int centerX, int centerY, int radius, Rgb color, int thickness, bool antialias) =>
        CvCheck.ThrowIfFailed(CvShim.DrawCircle(Target(image), centerX, centerY, radius, color.B, color.G, color.R, thickness, LineType(antialias)));

    private static void Rectangle(BgrMat image, int x1, int y1, int x2, int y2, Rgb color, int thickness, bool antialias) =>
        CvCheck.ThrowIfFailed(CvShim.DrawRectangle(Target(image), x1, y1, x2, y2, color.B, color.G, color.R, thickness, LineType(antialias)));

    private static Handles.MatHandle Target(BgrMat image)
    {
        if (image.IsEmpty)
        {
            throw new ArgumentException("cannot draw on an empty image", nameof(image));
        }

        return image.Handle;
    }

    private static int LineType(bool antialias) => antialias ? LineAa : Line8;
}
