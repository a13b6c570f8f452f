using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    public static void Write(in Letterbox box, ReadOnlySpan<byte> resizedBgr, int stride, Span<float> chw)
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
        FillRows(r, g, b, 0, top * w, pad);
        FillRows(r, g, b, (top + rows) * w, plane - ((top + rows) * w), pad);
        for (int y = 0; y < rows; y++)
        {
            int o = (top + y) * w;
            FillRows(r, g, b, o, left, pad);
            int rightStart = o + left + cols;
            FillRows(r, g, b, rightStart, (o + w) - rightStart, pad);
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
            var bb = Vector128.Shuffle(v0, bA) | Vector128.Shuffle(v1, bB) | Vector128.Shuffle(v2, bC);
            var gg = Vector128.Shuffle(v0, gA) | Vector128.Shuffle(v1, gB) | Vector128.Shuffle(v2, gC);
            var rr = Vector128.Shuffle(v0, rA) | Vector128.Shuffle(v1, rB) | Vector128.Shuffle(v2, rC);
            Store16(rr, r.Slice(x, 16));
            Store16(gg, g.Slice(x, 16));
            Store16(bb, b.Slice(x, 16));
        }

        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store16(Vector128<byte> v, Span<float> dst)
    {
        var div = Vector128.Create(255f);
        var (lo16, hi16) = Vector128.Widen(v);
        var (a, bq) = Vector128.Widen(lo16);
        var (c, d) = Vector128.Widen(hi16);
        ref float o = ref MemoryMarshal.GetReference(dst);

        // Lane-wise IEEE division: bit-identical to the scalar (float)b / 255f.
        (Vector128.ConvertToSingle(a.AsInt32()) / div).StoreUnsafe(ref o, 0);
        (Vector128.ConvertToSingle(bq.AsInt32()) / div).StoreUnsafe(ref o, 4);
        (Vector128.ConvertToSingle(c.AsInt32()) / div).StoreUnsafe(ref o, 8);
        (Vector128.ConvertToSingle(d.AsInt32()) / div).StoreUnsafe(ref o, 12);
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
