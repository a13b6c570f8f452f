using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EdgePose.Core.Preprocessing;

/// <summary>
/// Writes an already-resized BGR image into a letterboxed model input tensor: planar RGB (CHW),
/// values byte/255 in float32 exactly as Ultralytics computes them (float division, not a multiply by
/// 1/255), padding 114/255. One pass, no allocation, SIMD where the hardware has it.
/// </summary>
public static class LetterboxTensorWriter
{
    private static readonly float[] s_byteToUnit = BuildTable();

    /// <summary>The value a byte <paramref name="b"/> takes in the tensor: (float)b / 255f.</summary>
    public static float ToUnit(byte b) => s_byteToUnit[b];

    /// <summary>
    /// Fills <paramref name="chw"/> (3 × TargetHeight × TargetWidth floats) from <paramref name="resizedBgr"/>,
    /// a ResizedWidth × ResizedHeight BGR image with <paramref name="stride"/> bytes per row.
    /// </summary>
    /// <param name="fillPadding">
    /// False skips the padding, for a buffer whose padding this same letterbox already wrote (video frames
    /// of one size): a quarter of the writes for a 4:3 frame.
    /// </param>
    public static void Write(in Letterbox box, ReadOnlySpan<byte> resizedBgr, int stride, Span<float> chw, bool fillPadding = true)
    {
        int w = box.TargetWidth;
        int h = box.TargetHeight;
        int plane = w * h;
        if (chw.Length < 3 * plane)
        {
            throw new ArgumentException($"tensor holds {chw.Length} floats, needs {3 * plane}", nameof(chw));
        }

        if (stride < box.ResizedWidth * 3 || resizedBgr.Length < ((box.ResizedHeight - 1) * stride) + (box.ResizedWidth * 3))
        {
            throw new ArgumentException($"image buffer too small for {box.ResizedWidth}x{box.ResizedHeight} BGR with stride {stride}", nameof(resizedBgr));
        }

        float pad = s_byteToUnit[Letterbox.PadValue];
        var r = chw.Slice(0, plane);
        var g = chw.Slice(plane, plane);
        var b = chw.Slice(2 * plane, plane);

        int top = box.PadTop;
        int rows = box.ResizedHeight;
        int left = box.PadLeft;
        int cols = box.ResizedWidth;

        // Whole padding rows above and below the image, then per image row: left pad, pixels, right pad.
        if (fillPadding)
        {
            FillRows(r, g, b, 0, top * w, pad);
            FillRows(r, g, b, (top + rows) * w, plane - ((top + rows) * w), pad);
        }

        for (int y = 0; y < rows; y++)
        {
            int o = (top + y) * w;
            if (fillPadding)
            {
                FillRows(r, g, b, o, left, pad);
                int rightStart = o + left + cols;
                FillRows(r, g, b, rightStart, (o + w) - rightStart, pad);
            }

            ConvertRow(resizedBgr.Slice(y * stride, cols * 3), r.Slice(o + left, cols), g.Slice(o + left, cols), b.Slice(o + left, cols));
        }
    }

    private static void FillRows(Span<float> r, Span<float> g, Span<float> b, int start, int count, float value)
    {
        if (count <= 0)
        {
            return;
        }

        r.Slice(start, count).Fill(value);
        g.Slice(start, count).Fill(value);
        b.Slice(start, count).Fill(value);
    }

    /// <summary>Converts one row of BGR bytes into the three float planes.</summary>
    internal static void ConvertRow(ReadOnlySpan<byte> bgr, Span<float> r, Span<float> g, Span<float> b)
    {
        int n = r.Length;
        int x = 0;
        if (Vector128.IsHardwareAccelerated && n >= 16)
        {
            x = ConvertRowVector(bgr, r, g, b);
        }

        for (; x < n; x++)
        {
            b[x] = s_byteToUnit[bgr[3 * x]];
            g[x] = s_byteToUnit[bgr[(3 * x) + 1]];
            r[x] = s_byteToUnit[bgr[(3 * x) + 2]];
        }
    }

    /// <summary>16 pixels a step: de-interleave 48 bytes into B, G, R lanes with shuffles, widen, divide by 255.</summary>
    private static int ConvertRowVector(ReadOnlySpan<byte> bgr, Span<float> r, Span<float> g, Span<float> b)
    {
        // Index 0xFF is out of range: Shuffle yields 0 there, so three shuffles OR together into one channel.
        var bA = Vector128.Create((byte)0, 3, 6, 9, 12, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var bB = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 5, 8, 11, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var bC = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 4, 7, 10, 13);
        var gA = Vector128.Create((byte)1, 4, 7, 10, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var gB = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 3, 6, 9, 12, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var gC = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 5, 8, 11, 14);
        var rA = Vector128.Create((byte)2, 5, 8, 11, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var rB = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 4, 7, 10, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        var rC = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 3, 6, 9, 12, 15);

        ref byte src = ref MemoryMarshal.GetReference(bgr);
        int n = r.Length;
        int x = 0;
        for (; x + 16 <= n; x += 16)
        {
            var v0 = Vector128.LoadUnsafe(ref src, (nuint)(3 * x));
            var v1 = Vector128.LoadUnsafe(ref src, (nuint)((3 * x) + 16));
            var v2 = Vector128.LoadUnsafe(ref src, (nuint)((3 * x) + 32));
            var bb = Pick(v0, bA) | Pick(v1, bB) | Pick(v2, bC);
            var gg = Pick(v0, gA) | Pick(v1, gB) | Pick(v2, gC);
            var rr = Pick(v0, rA) | Pick(v1, rB) | Pick(v2, rC);
            Store16(rr, r.Slice(x, 16));
            Store16(gg, g.Slice(x, 16));
            Store16(bb, b.Slice(x, 16));
        }

        return x;
    }

    /// <summary>Byte shuffle where an index of 0xFF gives 0 (pshufb on x64, tbl on Arm64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Pick(Vector128<byte> v, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(v, indices)
        : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.VectorTableLookup(v, indices)
        : Vector128.Shuffle(v, indices);

    /// <summary>Stores 16 bytes as 16 floats divided by 255, as wide as the hardware allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store16(Vector128<byte> v, Span<float> dst)
    {
        ref float o = ref MemoryMarshal.GetReference(dst);
        if (Avx512F.IsSupported)
        {
            // One zero-extend (vpmovzxbd) and one convert for all 16 lanes.
            DivideBy255(Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(v))).StoreUnsafe(ref o);
        }
        else if (Avx2.IsSupported)
        {
            DivideBy255(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(v))).StoreUnsafe(ref o);
            DivideBy255(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(v, 8)))).StoreUnsafe(ref o, 8);
        }
        else
        {
            var (lo16, hi16) = Vector128.Widen(v);
            var (a, b) = Vector128.Widen(lo16);
            var (c, d) = Vector128.Widen(hi16);
            DivideBy255(Vector128.ConvertToSingle(a.AsInt32())).StoreUnsafe(ref o, 0);
            DivideBy255(Vector128.ConvertToSingle(b.AsInt32())).StoreUnsafe(ref o, 4);
            DivideBy255(Vector128.ConvertToSingle(c.AsInt32())).StoreUnsafe(ref o, 8);
            DivideBy255(Vector128.ConvertToSingle(d.AsInt32())).StoreUnsafe(ref o, 12);
        }
    }

    // x / 255 correctly rounded, without a division: q = x·(1/255), then one Newton step with fused
    // multiply-adds, q + (x − 255·q)·(1/255). For the 256 byte values this equals IEEE division bit for
    // bit (a test checks every one) at a fraction of its cost.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> DivideBy255(Vector128<float> x)
    {
        var inv = Vector128.Create(1f / 255f);
        var q = x * inv;
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, Vector128.Create(255f), x), inv, q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> DivideBy255(Vector256<float> x)
    {
        var inv = Vector256.Create(1f / 255f);
        var q = x * inv;
        return Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(-q, Vector256.Create(255f), x), inv, q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> DivideBy255(Vector512<float> x)
    {
        var inv = Vector512.Create(1f / 255f);
        var q = x * inv;
        return Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(-q, Vector512.Create(255f), x), inv, q);
    }

    private static float[] BuildTable()
    {
        var t = new float[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = i / 255f;
        }

        return t;
    }
}
