using OpenCvSharp;
using OpenCvSharp.Internal;
using OpenCvSharp.Internal.Vectors;

namespace EdgePose.Host.Preview;

/// <summary>
/// JPEG encoding with OpenCV into one kept native buffer: Cv2.ImEncode returns a new managed array per image;
/// here cv::imencode writes into the same std::vector every time and the caller reads it in place, so
/// encoding frame after frame allocates no managed memory. Not thread-safe; the span is valid until the next call.
/// </summary>
internal sealed class JpegEncoder : IDisposable
{
    private readonly VectorOfByte _buffer = new();
    private readonly int[] _parameters;

    public JpegEncoder(int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        _parameters = [(int)ImwriteFlags.JpegQuality, quality];
    }

    /// <summary>Encodes the image behind <paramref name="image"/> (an InputArray over an 8-bit BGR Mat).</summary>
    public unsafe ReadOnlySpan<byte> Encode(InputArray image)
    {
        NativeMethods.HandleException(NativeMethods.imgcodecs_imencode_vector(".jpg", image.CvPtr, _buffer.CvPtr, _parameters, _parameters.Length, out int ok));
        GC.KeepAlive(image);
        if (ok == 0)
        {
            throw new InvalidOperationException("OpenCV could not encode the preview frame as JPEG");
        }

        return new ReadOnlySpan<byte>((void*)_buffer.ElemPtr, _buffer.Size);
    }

    public void Dispose() => _buffer.Dispose();
}
