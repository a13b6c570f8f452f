using EdgePose.Core.Drawing;
using EdgePose.Core.Frames;
using EdgePose.Core.Engines;
using EdgePose.Core.Poses;
using EdgePose.Native.Drawing;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Preview;

/// <summary>
/// Turns one source's frame and poses into a preview JPEG: scales the frame into a kept canvas (no wider than
/// the preview's maximum; the frame itself is never touched), draws the poses on it and encodes it. The canvas,
/// the draw list and the encoder's buffer are reused, so a frame costs no managed allocation once the size is
/// known. One per source; used by the sink's task only.
/// </summary>
internal sealed class PreviewRenderer : IDisposable
{
    private readonly PreviewOverlay _overlay;
    private readonly JpegEncoder _encoder;
    private readonly int _maxWidth;
    private readonly OpenCvBgrResizer _resizer = new();
    private readonly List<DrawCommand> _commands = new(256);
    private Mat? _canvas;
    private InputArray? _canvasInput;

    public PreviewRenderer(PreviewOverlay overlay, JpegEncoder encoder, int maxWidth)
    {
        _overlay = overlay;
        _encoder = encoder;
        _maxWidth = maxWidth;
    }

    /// <summary>The preview size of a <paramref name="width"/> x <paramref name="height"/> frame: the same, or scaled down to <paramref name="maxWidth"/> wide.</summary>
    public static (int Width, int Height) PreviewSize(int width, int height, int maxWidth) =>
        width <= maxWidth ? (width, height) : (maxWidth, Math.Max(1, (int)Math.Round((double)height * maxWidth / width)));

    /// <summary>True for frames the preview can draw: 8-bit BGR in host memory.</summary>
    public static bool CanRender(Frame frame) => frame.Format == PixelFormat.Bgr24 && frame.Location == MemoryLocation.Host;

    /// <summary>Draws and encodes <paramref name="frame"/> with <paramref name="poses"/>; the JPEG is valid until the encoder's next call.</summary>
    public ReadOnlySpan<byte> Render(Frame frame, PoseDetections poses, ReadOnlySpan<int> trackIds, out int width, out int height)
    {
        (width, height) = PreviewSize(frame.Width, frame.Height, _maxWidth);
        var canvas = Canvas(width, height);
        // cv::resize copies when the size is unchanged: one call serves both.
        _resizer.Resize(frame.AsBgrImage(), canvas.BgrPixels(), width, height, checked((int)canvas.Step()));
        var style = PoseDrawStyle.ForImage(width, height);
        _overlay.Build(_commands, poses, trackIds, (double)width / frame.Width, style);
        OverlayPainter.Paint(canvas, _commands, style.FontScale);
        return _encoder.Encode(_canvasInput!);
    }

    public void Dispose()
    {
        _canvasInput?.Dispose();
        _canvas?.Dispose();
        _resizer.Dispose();
    }

    private Mat Canvas(int width, int height)
    {
        if (_canvas is null || _canvas.Cols != width || _canvas.Rows != height)
        {
            _canvasInput?.Dispose();
            _canvas?.Dispose();
            _canvas = new Mat(height, width, MatType.CV_8UC3);
            _canvasInput = InputArray.Create(_canvas);
        }

        return _canvas;
    }
}
