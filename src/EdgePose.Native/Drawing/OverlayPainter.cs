using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using OpenCvSharp;
using OpenCvSharp.Internal;

namespace EdgePose.Native.Drawing;

/// <summary>
/// Carries out Core's <see cref="DrawCommand"/>s on a BGR <see cref="Mat"/> with OpenCV: antialiased lines,
/// circles and rectangles (corners inclusive) and Hershey Simplex labels, as Ultralytics draws them.
/// Cv2.Line and friends wrap the image in a new InputOutputArray on every call; here the wrapper of the
/// last image painted on (per thread) is kept and handed to OpenCvSharp's native entries, so annotating
/// frame after frame of a video allocates nothing.
/// </summary>
public static class OverlayPainter
{
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;
    private const int AntiAlias = (int)LineTypes.AntiAlias;
    private static readonly Scalar s_white = new(255, 255, 255);

    [ThreadStatic]
    private static Mat? t_image;

    [ThreadStatic]
    private static InputOutputArray? t_array;

    public static void Paint(Mat image, IReadOnlyList<DrawCommand> commands, double fontScale)
    {
        // Indexed: foreach over the interface would box the list's enumerator on every frame.
        for (int i = 0; i < commands.Count; i++)
        {
            var c = commands[i];
            int thickness = Math.Max(c.Thickness, 1);
            switch (c.Kind)
            {
                case DrawKind.Rectangle:
                    Rectangle(image, c.X1, c.Y1, c.X2, c.Y2, ToScalar(c.Color), thickness);
                    break;
                case DrawKind.Line:
                    Check(NativeMethods.imgproc_line(Target(image), new Point(c.X1, c.Y1), new Point(c.X2, c.Y2), ToScalar(c.Color), thickness, AntiAlias, 0));
                    break;
                case DrawKind.FilledCircle:
                    Check(NativeMethods.imgproc_circle(Target(image), new Point(c.X1, c.Y1), c.Radius, ToScalar(c.Color), -1, AntiAlias, 0));
                    break;
                case DrawKind.Circle:
                    Check(NativeMethods.imgproc_circle(Target(image), new Point(c.X1, c.Y1), c.Radius, ToScalar(c.Color), thickness, AntiAlias, 0));
                    break;
                case DrawKind.Label:
                    Label(image, c.Text ?? "", c.X1, c.Y1, c.Color, fontScale, thickness);
                    break;
            }
        }
    }

    /// <summary>
    /// White text on a box of <paramref name="color"/> just above (x, y), or just below it when there is no
    /// room above or <paramref name="below"/> asks for it; moved left as far as needed to stay inside the image
    /// (a person at the right edge keeps a readable label).
    /// </summary>
    public static void Label(Mat image, string text, int x, int y, Rgb color, double fontScale, int thickness, bool below = false)
    {
        Check(NativeMethods.imgproc_getTextSize(text, (int)Font, fontScale, thickness, out _, out var size));
        x = Math.Max(0, Math.Min(x, image.Cols - size.Width));
        int h = size.Height + 3;
        bool above = !below && y - h >= 0;
        int top = above ? y - h : y;
        Rectangle(image, x, top, x + size.Width, top + h, ToScalar(color), -1);
        Check(NativeMethods.imgproc_putText(Target(image), text, new Point(x, top + size.Height + 1), (int)Font, fontScale, s_white, thickness, AntiAlias, 0));
        GC.KeepAlive(image);
    }

    private static void Rectangle(Mat image, int x1, int y1, int x2, int y2, Scalar color, int thickness) =>
        Check(NativeMethods.imgproc_rectangle_InputOutputArray_Point(Target(image), new Point(x1, y1), new Point(x2, y2), color, thickness, AntiAlias, 0));

    /// <summary>The native InputOutputArray over <paramref name="image"/>, made once per image (and thread).</summary>
    private static IntPtr Target(Mat image)
    {
        if (!ReferenceEquals(image, t_image) || t_array is null || t_array.IsDisposed)
        {
            EdgePose.Native.OpenCv.MatBgrView.CheckBgr(image);
            t_array?.Dispose();
            t_array = InputOutputArray.Create(image);
            t_image = image;
        }

        return t_array.CvPtr;
    }

    private static void Check(ExceptionStatus status) => NativeMethods.HandleException(status);

    /// <summary>OpenCV's colour order for <paramref name="color"/>: blue, green, red.</summary>
    public static Scalar ToScalar(Rgb color) => new(color.B, color.G, color.R);
}
