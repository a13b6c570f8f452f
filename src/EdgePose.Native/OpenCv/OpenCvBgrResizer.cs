using EdgePose.Core.Inference;
using OpenCvSharp;
using OpenCvSharp.Internal;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Core's <see cref="IBgrResizer"/> on OpenCV: cv::resize with INTER_LINEAR, the resize of Ultralytics'
/// LetterBox. Source and destination stay in the caller's memory; the Mat headers over them are kept while
/// the caller hands the same buffers again, so a per-frame resize allocates nothing. One per predictor
/// (not thread-safe); dispose it with the predictor.
/// </summary>
public sealed class OpenCvBgrResizer : IBgrResizer, IDisposable
{
    // A predictor resizes a frame and, with the flip test, its mirror: two sources, one destination.
    private readonly MatHeaderCache _sources = new(4);
    private readonly MatHeaderCache _destinations = new(2);

    public unsafe void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride)
    {
        BgrRegion.Check(source.Pixels.Length, source.Width, source.Height, source.Stride, nameof(source));
        BgrRegion.Check(destination.Length, width, height, stride, nameof(destination));
        fixed (byte* src = source.Pixels)
        fixed (byte* dst = destination)
        {
            var from = _sources.Get((IntPtr)src, source.Height, source.Width, source.Stride);
            var to = _destinations.Get((IntPtr)dst, height, width, stride);
            // Cv2.Resize would dispose the OutputArray after the call (OutputArray.Fix), so a kept one could
            // serve once; OpenCvSharp's native entry underneath it takes the kept arrays every time.
            NativeMethods.HandleException(NativeMethods.imgproc_resize(
                from.Input.CvPtr, to.Output.CvPtr, new Size(width, height), 0, 0, (int)InterpolationFlags.Linear));
            GC.KeepAlive(from);
            GC.KeepAlive(to);
            if (to.Mat.Data != (IntPtr)dst)
            {
                throw new InvalidOperationException("cv::resize moved the destination image out of the caller's memory");
            }
        }
    }

    public void Dispose()
    {
        _sources.Dispose();
        _destinations.Dispose();
    }
}
