using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EdgePose.Core.Inference;

namespace EdgePose.Core.Preprocessing;

/// <summary>
/// OpenCV's cv::resize with INTER_LINEAR on 8-bit BGR, in C#, bit for bit: the same fixed-point weights
/// (11 bits, rounded from float), the same horizontal pass into 32-bit rows, the same vertical rounding as
/// OpenCV's SIMD path, and, like OpenCV, a 2×2 average where the size halves exactly. The live pipeline resizes
/// with it, so a headless run (capture, poses, JSON) never loads OpenCV's native library.
/// </summary>
/// <remarks>
/// The tables for a source and target size are made when the sizes change; a resize between sizes seen last
/// time allocates nothing. One per thread (it keeps two row buffers).
/// </remarks>
public sealed class BilinearBgrResizer : IBgrResizer
{
    private const int Channels = 3;
    private const int CoefScale = 1 << 11;
    private const double DblEpsilon = 2.220446049250313e-16;

    private int _srcWidth;
    private int _srcHeight;
    private int _dstWidth;
    private int _dstHeight;
    private bool _halves;

    // Per target pixel: the first source pixel's byte offset in its row and the two weights. Pixels from
    // _xmax on have no right neighbour and take the left one alone.
    private int[] _xofs = [];
    private short[] _alpha = [];
    private int _xmax;

    // Per target row: the upper source row (may be -1 or the last row; clipped when read) and the two weights.
    private int[] _yofs = [];
    private short[] _beta = [];

    // Two source rows resized horizontally (weights times pixels), and which source rows they hold.
    private int[] _row0 = [];
    private int[] _row1 = [];
    private int _row0Y;
    private int _row1Y;

    public void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride)
    {
        BgrRegion.Check(source.Pixels.Length, source.Width, source.Height, source.Stride, nameof(source));
        BgrRegion.Check(destination.Length, width, height, stride, nameof(destination));
        if (source.Width == width && source.Height == height)
        {
            for (int y = 0; y < height; y++)
            {
                source.Pixels.Slice(y * source.Stride, width * Channels).CopyTo(destination[(y * stride)..]);
            }

            return;
        }

        Prepare(source.Width, source.Height, width, height);
        if (_halves)
        {
            Halve(source, destination, stride);
            return;
        }

        _row0Y = _row1Y = int.MinValue;
        int last = source.Height - 1;
        for (int dy = 0; dy < height; dy++)
        {
            int sy = _yofs[dy];
            int y0 = Math.Clamp(sy, 0, last);
            int y1 = Math.Clamp(sy + 1, 0, last);
            var upper = Row(source, y0, keep: y1);
            var lower = Row(source, y1, keep: y0);
            Vertical(upper, lower, _beta[2 * dy], _beta[(2 * dy) + 1], destination.Slice(dy * stride, width * Channels));
        }
    }

    private void Prepare(int srcWidth, int srcHeight, int dstWidth, int dstHeight)
    {
        if (srcWidth == _srcWidth && srcHeight == _srcHeight && dstWidth == _dstWidth && dstHeight == _dstHeight)
        {
            return;
        }

        // As cv::resize: the inverse scales from the sizes, the scales from those, in double.
        double scaleX = 1.0 / ((double)dstWidth / srcWidth);
        double scaleY = 1.0 / ((double)dstHeight / srcHeight);
        _halves = IsExactly(scaleX, 2) && IsExactly(scaleY, 2);
        if (_xofs.Length < dstWidth)
        {
            _xofs = new int[dstWidth];
            _alpha = new short[2 * dstWidth];
            _row0 = new int[dstWidth * Channels];
            _row1 = new int[dstWidth * Channels];
        }

        if (_yofs.Length < dstHeight)
        {
            _yofs = new int[dstHeight];
            _beta = new short[2 * dstHeight];
        }

        _xmax = dstWidth;
        for (int dx = 0; dx < dstWidth; dx++)
        {
            var (sx, f) = SourcePosition(dx, scaleX);
            if (sx < 0)
            {
                sx = 0;
                f = 0;
            }

            if (sx + 1 >= srcWidth)
            {
                _xmax = Math.Min(_xmax, dx);
                sx = srcWidth - 1;
                f = 0;
            }

            _xofs[dx] = sx * Channels;
            (_alpha[2 * dx], _alpha[(2 * dx) + 1]) = Weights(f);
        }

        for (int dy = 0; dy < dstHeight; dy++)
        {
            var (sy, f) = SourcePosition(dy, scaleY);
            _yofs[dy] = sy;
            (_beta[2 * dy], _beta[(2 * dy) + 1]) = Weights(f);
        }

        (_srcWidth, _srcHeight, _dstWidth, _dstHeight) = (srcWidth, srcHeight, dstWidth, dstHeight);
    }

    // OpenCV's |scale - round(scale)| < DBL_EPSILON test, for the integer n.
    private static bool IsExactly(double scale, int n) => Math.Abs(scale - n) < DblEpsilon;

    // The source position of target pixel d (pixel centres aligned), in float as OpenCV computes it.
    private static (int Index, float Fraction) SourcePosition(int d, double scale)
    {
        float f = (float)(((d + 0.5) * scale) - 0.5);
        int i = (int)MathF.Floor(f);
        return (i, f - i);
    }

    // The fixed-point weights of the two neighbours, each rounded to nearest-even from float (saturate_cast<short>).
    private static (short Left, short Right) Weights(float fraction) =>
        ((short)MathF.Round((1f - fraction) * CoefScale), (short)MathF.Round(fraction * CoefScale));

    // The horizontal pass of source row y, cached: a row the previous target row used is not computed again.
    private int[] Row(BgrImage source, int y, int keep)
    {
        if (_row0Y == y)
        {
            return _row0;
        }

        if (_row1Y == y)
        {
            return _row1;
        }

        bool intoFirst = _row0Y != keep;
        var row = intoFirst ? _row0 : _row1;
        Horizontal(source.Pixels.Slice(y * source.Stride, source.Width * Channels), row);
        if (intoFirst)
        {
            _row0Y = y;
        }
        else
        {
            _row1Y = y;
        }

        return row;
    }

    private void Horizontal(ReadOnlySpan<byte> src, Span<int> row)
    {
        // Every table offset was made for these sizes (a pixel and its right neighbour before _xmax, one pixel
        // after it, inside a source row), so the loop reads through references without bounds checks.
        if (row.Length < _dstWidth * Channels || src.Length < _srcWidth * Channels)
        {
            throw new ArgumentException("the row buffers do not fit the resize tables");
        }

        ref byte s0 = ref MemoryMarshal.GetReference(src);
        ref int d = ref MemoryMarshal.GetReference(row);
        ref int xofs = ref MemoryMarshal.GetArrayDataReference(_xofs);
        ref short alpha = ref MemoryMarshal.GetArrayDataReference(_alpha);
        int xmax = _xmax;
        for (int dx = 0; dx < xmax; dx++, d = ref Unsafe.Add(ref d, Channels))
        {
            ref byte s = ref Unsafe.Add(ref s0, Unsafe.Add(ref xofs, dx));
            int a0 = Unsafe.Add(ref alpha, 2 * dx);
            int a1 = Unsafe.Add(ref alpha, (2 * dx) + 1);
            d = (s * a0) + (Unsafe.Add(ref s, 3) * a1);
            Unsafe.Add(ref d, 1) = (Unsafe.Add(ref s, 1) * a0) + (Unsafe.Add(ref s, 4) * a1);
            Unsafe.Add(ref d, 2) = (Unsafe.Add(ref s, 2) * a0) + (Unsafe.Add(ref s, 5) * a1);
        }

        for (int dx = xmax; dx < _dstWidth; dx++, d = ref Unsafe.Add(ref d, Channels))
        {
            ref byte s = ref Unsafe.Add(ref s0, Unsafe.Add(ref xofs, dx));
            d = s * CoefScale;
            Unsafe.Add(ref d, 1) = Unsafe.Add(ref s, 1) * CoefScale;
            Unsafe.Add(ref d, 2) = Unsafe.Add(ref s, 2) * CoefScale;
        }
    }

    // OpenCV's VResizeLinearVec_32s8u: each row shifted right by 4, times its weight, high 16 bits; the sum
    // rounded by 2 bits and saturated to a byte.
    private static void Vertical(ReadOnlySpan<int> upper, ReadOnlySpan<int> lower, int b0, int b1, Span<byte> dst)
    {
        int n = dst.Length;
        int x = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<byte>.Count)
        {
            int lanes = Vector<int>.Count;
            var w0 = new Vector<int>(b0);
            var w1 = new Vector<int>(b1);
            var two = new Vector<int>(2);
            var max = new Vector<int>(255);
            for (; x <= n - Vector<byte>.Count; x += Vector<byte>.Count)
            {
                var r0 = Blend(upper, lower, x, w0, w1, two, max);
                var r1 = Blend(upper, lower, x + lanes, w0, w1, two, max);
                var r2 = Blend(upper, lower, x + (2 * lanes), w0, w1, two, max);
                var r3 = Blend(upper, lower, x + (3 * lanes), w0, w1, two, max);
                var lo = Vector.Narrow(Vector.AsVectorUInt32(r0), Vector.AsVectorUInt32(r1));
                var hi = Vector.Narrow(Vector.AsVectorUInt32(r2), Vector.AsVectorUInt32(r3));
                Vector.Narrow(lo, hi).CopyTo(dst[x..]);
            }
        }

        for (; x < n; x++)
        {
            int v = (((b0 * (upper[x] >> 4)) >> 16) + ((b1 * (lower[x] >> 4)) >> 16) + 2) >> 2;
            dst[x] = (byte)Math.Clamp(v, 0, 255);
        }
    }

    private static Vector<int> Blend(ReadOnlySpan<int> upper, ReadOnlySpan<int> lower, int x, Vector<int> w0, Vector<int> w1, Vector<int> two, Vector<int> max)
    {
        var a = Vector.ShiftRightArithmetic(w0 * Vector.ShiftRightArithmetic(new Vector<int>(upper[x..]), 4), 16);
        var b = Vector.ShiftRightArithmetic(w1 * Vector.ShiftRightArithmetic(new Vector<int>(lower[x..]), 4), 16);
        return Vector.Min(Vector.Max(Vector.ShiftRightArithmetic(a + b + two, 2), Vector<int>.Zero), max);
    }

    // Exactly half the size both ways: OpenCV takes its area path, the rounded mean of each 2×2 block.
    private void Halve(BgrImage source, Span<byte> destination, int stride)
    {
        int n = _dstWidth * Channels;
        for (int dy = 0; dy < _dstHeight; dy++)
        {
            var s0 = source.Pixels.Slice(2 * dy * source.Stride, 2 * n);
            var s1 = source.Pixels.Slice(((2 * dy) + 1) * source.Stride, 2 * n);
            var d = destination.Slice(dy * stride, n);
            for (int dx = 0; dx < _dstWidth; dx++)
            {
                int i = 2 * dx * Channels;
                int o = dx * Channels;
                d[o] = (byte)((s0[i] + s0[i + 3] + s1[i] + s1[i + 3] + 2) >> 2);
                d[o + 1] = (byte)((s0[i + 1] + s0[i + 4] + s1[i + 1] + s1[i + 4] + 2) >> 2);
                d[o + 2] = (byte)((s0[i + 2] + s0[i + 5] + s1[i + 2] + s1[i + 5] + 2) >> 2);
            }
        }
    }
}
