using EdgePose.Native.Drawing;
using OpenCvSharp;

namespace EdgePose.Host.Preview;

/// <summary>
/// The JPEG a stream starts with while its source has given no frame yet ("waiting for frames" on black): a
/// browser then shows the stream at once instead of an image that never loads (and a headless browser does
/// not wait for it for ever). Made once per server.
/// </summary>
internal static class WaitingImage
{
    public static byte[] Encode(int quality)
    {
        using var image = new Mat(480, 640, MatType.CV_8UC3, Scalar.Black);
        const string text = "waiting for frames";
        const double scale = 0.9;
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, scale, 2, out _);
        Cv2.PutText(image, text, new Point((640 - size.Width) / 2, (480 + size.Height) / 2), HersheyFonts.HersheySimplex, scale, OverlayPainter.ToScalar(new Core.Meta.Rgb(139, 148, 158)), 2, LineTypes.AntiAlias);
        using var input = InputArray.Create(image);
        using var encoder = new JpegEncoder(quality);
        return encoder.Encode(input).ToArray();
    }
}
