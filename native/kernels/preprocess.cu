// Letterbox preprocess in one pass: BGR, BGRA or NV12 → planar RGB (CHW), float32 or float16, byte/255,
// bilinear resize, padding 114. One thread per output pixel, over the whole output or (content_only) the
// resized image alone; the taps per pixel or from the geometry's table (ep_preprocess_taps). The resize is OpenCV's INTER_LINEAR for
// 8-bit images as the CPU path runs it (half-pixel centres, 11-bit fixed-point weights, an integer
// horizontal pass, the rounding of its SIMD vertical pass), so the tensor equals the CPU path's (a uint8
// cv::resize, then /255) bit for bit; NV12 is converted per tap with OpenCV's integer BT.601 formula.
#include "ep_cuda.h"
#include "ep_params.h"
#include "ep_launch.h"

// Model-input values of each byte: byte / 255 as IEEE float division gives it, and that float as an IEEE
// half (round to nearest even), what the CPU path writes. Computed by the compiler (constant evaluation
// rounds as the instructions do) and read by the kernel instead of dividing and converting.
struct ep_unit_tables
{
    float f[256];
    ep_u16 h[256];
    constexpr ep_unit_tables() : f(), h()
    {
        for (int i = 0; i < 256; i++)
        {
            f[i] = static_cast<float>(i) / 255.0f;
            // Every nonzero byte / 255 is a normal half: the exponent rebiased, the mantissa rounded to even.
            ep_u32 a = __builtin_bit_cast(ep_u32, f[i]);
            h[i] = i == 0 ? 0 : static_cast<ep_u16>((a - 0x38000000u + 0x0fffu + ((a >> 13) & 1u)) >> 13);
        }
    }
};

EP_DEVICE_DATA ep_unit_tables ep_unit255 = ep_unit_tables(); // global memory: a constant bank would serialise different bytes

EP_DEVICE int ep_clamp_byte(int v) { return v < 0 ? 0 : (v > 255 ? 255 : v); }

// Reads the B, G, R bytes of source pixel (x, y). NV12: OpenCV's BT.601 limited-range YUV → RGB in 20-bit
// fixed point (the coefficients and rounding of cvtColor COLOR_YUV2BGR_NV12).
EP_DEVICE void ep_fetch(const ep_u8* EP_RESTRICT src, const ep_preprocess_params& p, int x, int y, int bgr[3])
{
    if (p.format == EP_FORMAT_NV12)
    {
        const int shift = 20;
        int luma = src[y * p.src_stride + x] - 16;
        const ep_u8* uv = src + p.uv_offset + (y >> 1) * p.uv_stride + (x & ~1);
        int u, v;
        if (((reinterpret_cast<unsigned long long>(src) | static_cast<unsigned long long>(p.uv_offset | p.uv_stride)) & 1) == 0)
        {
            // The U, V pair in one 16-bit load (aligned: even address, offset, stride and column; little-endian).
            ep_u16 pair = *reinterpret_cast<const ep_u16*>(uv);
            u = (pair & 0xff) - 128;
            v = (pair >> 8) - 128;
        }
        else
        {
            u = uv[0] - 128;
            v = uv[1] - 128;
        }

        int yy = (luma < 0 ? 0 : luma) * 1220542;
        int half = 1 << (shift - 1);
        bgr[0] = ep_clamp_byte((yy + half + 2116026 * u) >> shift);
        bgr[1] = ep_clamp_byte((yy + half - 852492 * v - 409993 * u) >> shift);
        bgr[2] = ep_clamp_byte((yy + half + 1673527 * v) >> shift);
        return;
    }

    int bytes = p.format == EP_FORMAT_BGRA ? 4 : 3;
    const ep_u8* px = src + y * p.src_stride + x * bytes;
    bgr[0] = px[0];
    bgr[1] = px[1];
    bgr[2] = px[2];
}

// OpenCV INTER_LINEAR's source position of resized coordinate d: f = (d + 0.5) * scale - 0.5 in double,
// where scale = 1 / (resized / size) (the host computes it once, as OpenCV does), then rounded to float.
EP_DEVICE float ep_source_position(int d, double scale)
{
    return static_cast<float>((static_cast<double>(d) + 0.5) * scale - 0.5);
}

// The two source indices and 11-bit fixed-point weights (cvRound of OpenCV's float weights) of one resized
// column or row: what OpenCV's resize tabulates once per geometry (its xofs/alpha and yofs/beta).
struct alignas(16) ep_tap
{
    int i0;
    int i1;
    int w0;
    int w1;
};

EP_DEVICE ep_tap ep_tap_of(int i0, int i1, float w1)
{
    ep_tap t;
    t.i0 = i0;
    t.i1 = i1;
    t.w0 = static_cast<int>(__builtin_rintf((1.0f - w1) * 2048.0f));
    t.w1 = static_cast<int>(__builtin_rintf(w1 * 2048.0f));
    return t;
}

// Horizontal tap of resized column d: OpenCV clamps position and weight at the left and right edges.
EP_DEVICE ep_tap ep_column_tap(int d, const ep_preprocess_params& p)
{
    int size = p.src_width;
    float f = ep_source_position(d, p.scale_x);
    float fl = __builtin_floorf(f);
    int i = static_cast<int>(fl);
    float w = f - fl;
    if (i < 0)
    {
        i = 0;
        w = 0.0f;
    }

    if (i >= size - 1)
    {
        i = size - 1;
        w = 0.0f;
    }

    return ep_tap_of(i, i + 1 < size ? i + 1 : size - 1, w);
}

// Vertical tap of resized row d: OpenCV keeps the weight and clamps only the two source rows.
EP_DEVICE ep_tap ep_row_tap(int d, const ep_preprocess_params& p)
{
    int size = p.src_height;
    float f = ep_source_position(d, p.scale_y);
    float fl = __builtin_floorf(f);
    int i = static_cast<int>(fl);
    return ep_tap_of(i < 0 ? 0 : (i > size - 1 ? size - 1 : i), i + 1 < 0 ? 0 : (i + 1 > size - 1 ? size - 1 : i + 1), f - fl);
}

// The tap table of a geometry: resized_width column taps, then resized_height row taps. One thread per entry.
EP_GLOBAL void ep_preprocess_taps(ep_preprocess_params p, ep_tap* EP_RESTRICT taps)
{
    int i = static_cast<int>(ep_global_x());
    if (i < p.resized_width)
    {
        taps[i] = ep_column_tap(i, p);
    }
    else if (i < p.resized_width + p.resized_height)
    {
        taps[i] = ep_row_tap(i - p.resized_width, p);
    }
}

// The three bytes (R, G, B planes) of output pixel (x, y) of the letterboxed image.
EP_DEVICE void ep_letterbox_pixel(const ep_u8* EP_RESTRICT src, const ep_preprocess_params& p, int x, int y, int value[3])
{
    int rx = x - p.pad_left;
    int ry = y - p.pad_top;
    if (rx < 0 || ry < 0 || rx >= p.resized_width || ry >= p.resized_height)
    {
        value[0] = value[1] = value[2] = 114;
        return;
    }

    ep_tap tx, ty;
    if (p.taps != 0)
    {
        const ep_tap* table = reinterpret_cast<const ep_tap*>(p.taps);
        tx = table[rx];
        ty = table[p.resized_width + ry];
    }
    else
    {
        tx = ep_column_tap(rx, p);
        ty = ep_row_tap(ry, p);
    }

    // OpenCV's fixed point: 11-bit weights, a horizontal pass in int, then the vertical pass of its SIMD path.
    int x0 = tx.i0, x1 = tx.i1, a0 = tx.w0, a1 = tx.w1;
    int y0 = ty.i0, y1 = ty.i1, b0 = ty.w0, b1 = ty.w1;
    // A tap of weight 0 adds 0 whatever its pixel, so it is not read: at integer reductions (1920x1080
    // to 640x360 is 3x) every sample sits on a source pixel and one tap of four is read.
    int p00[3], p01[3] = {0, 0, 0}, p10[3] = {0, 0, 0}, p11[3] = {0, 0, 0};
    ep_fetch(src, p, x0, y0, p00);
    if (a1 == 0 && b1 == 0 && a0 == 2048 && b0 == 2048)
    {
        // The fixed-point passes below then give p00 exactly: ((((2048 * 128 * v) >> 16) + 2) >> 2) = v.
        value[0] = p00[2];
        value[1] = p00[1];
        value[2] = p00[0];
        return;
    }

    if (a1 != 0)
    {
        ep_fetch(src, p, x1, y0, p01);
    }

    if (b1 != 0)
    {
        ep_fetch(src, p, x0, y1, p10);
        if (a1 != 0)
        {
            ep_fetch(src, p, x1, y1, p11);
        }
    }

    for (int c = 0; c < 3; c++)
    {
        int top = p00[c] * a0 + p01[c] * a1;
        int bottom = p10[c] * a0 + p11[c] * a1;
        int b = (((b0 * (top >> 4)) >> 16) + ((b1 * (bottom >> 4)) >> 16) + 2) >> 2;
        // Channel c of BGR goes to plane 2 - c of RGB.
        value[2 - c] = ep_clamp_byte(b);
    }
}

// P consecutive output pixels of one row per thread (P = 1, 2 or 4): the pixels' values, then one store
// of P values per plane (P halves in one 2P-byte word, P floats in 4P bytes) where the row length and the
// first column keep those stores aligned, else one store per value.
template <int P>
EP_DEVICE EP_ALWAYS_INLINE void ep_preprocess_run(const ep_u8* EP_RESTRICT src, const ep_preprocess_params& p, void* EP_RESTRICT dst)
{
    // The grid covers the whole output, or with content_only the resized image inside the padding.
    int left = p.content_only ? p.pad_left : 0;
    int right = p.content_only ? p.pad_left + p.resized_width : p.dst_width;
    int x = left + static_cast<int>(ep_global_x()) * P;
    int y = (p.content_only ? p.pad_top : 0) + static_cast<int>(ep_global_y());
    if (x >= right || y >= (p.content_only ? p.pad_top + p.resized_height : p.dst_height))
    {
        return;
    }

    // Loops of P (a constant) iterations, unrolled, so value stays in registers; pixels past the row end are skipped.
    int value[P][3];
    int n = right - x < P ? right - x : P;
    EP_UNROLL(4)
    for (int i = 0; i < P; i++)
    {
        value[i][0] = value[i][1] = value[i][2] = 0;
        if (i < n)
        {
            ep_letterbox_pixel(src, p, x + i, y, value[i]);
        }
    }

    int plane = p.dst_width * p.dst_height;
    int at = y * p.dst_width + x;
    bool packed = P > 1 && n == P && p.dst_width % P == 0 && left % P == 0;
    for (int c = 0; c < 3; c++)
    {
        if (p.half)
        {
            ep_u16* out = static_cast<ep_u16*>(dst) + c * plane + at;
            if (packed)
            {
                ep_u64 word = 0;
                for (int i = 0; i < P; i++)
                {
                    word |= static_cast<ep_u64>(ep_unit255.h[value[i][c]]) << (16 * i);
                }

                if (P == 2)
                {
                    *reinterpret_cast<ep_u32*>(out) = static_cast<ep_u32>(word);
                }
                else
                {
                    *reinterpret_cast<ep_u64*>(out) = word;
                }
            }
            else
            {
                EP_UNROLL(4)
                for (int i = 0; i < P; i++)
                {
                    if (i < n)
                    {
                        out[i] = ep_unit255.h[value[i][c]];
                    }
                }
            }
        }
        else
        {
            float* out = static_cast<float*>(dst) + c * plane + at;
            if (packed)
            {
                for (int i = 0; i < P; i += 2)
                {
                    ep_u64 word = static_cast<ep_u64>(ep_float_bits(ep_unit255.f[value[i][c]])) | (static_cast<ep_u64>(ep_float_bits(ep_unit255.f[value[i + 1][c]])) << 32);
                    *reinterpret_cast<ep_u64*>(out + i) = word;
                }
            }
            else
            {
                EP_UNROLL(4)
                for (int i = 0; i < P; i++)
                {
                    if (i < n)
                    {
                        out[i] = ep_unit255.f[value[i][c]];
                    }
                }
            }
        }
    }
}

// One output pixel per thread.
EP_GLOBAL void ep_preprocess(const ep_u8* EP_RESTRICT src, ep_preprocess_params p, void* EP_RESTRICT dst) { ep_preprocess_run<1>(src, p, dst); }

// Two output pixels per thread.
EP_GLOBAL void ep_preprocess_x2(const ep_u8* EP_RESTRICT src, ep_preprocess_params p, void* EP_RESTRICT dst) { ep_preprocess_run<2>(src, p, dst); }

// Four output pixels per thread.
EP_GLOBAL void ep_preprocess_x4(const ep_u8* EP_RESTRICT src, ep_preprocess_params p, void* EP_RESTRICT dst) { ep_preprocess_run<4>(src, p, dst); }

// Image i's parameters from a batch, field by field: loads from the kernel's parameter space at a computed offset,
// kept in registers (a whole-struct copy from a computed address would go through local memory).
EP_DEVICE EP_ALWAYS_INLINE ep_preprocess_params ep_batch_image(const ep_preprocess_batch_params& b, int i)
{
    const ep_preprocess_params& s = b.image[i];
    ep_preprocess_params p;
    p.format = s.format;
    p.src_width = s.src_width;
    p.src_height = s.src_height;
    p.src_stride = s.src_stride;
    p.uv_offset = s.uv_offset;
    p.uv_stride = s.uv_stride;
    p.dst_width = s.dst_width;
    p.dst_height = s.dst_height;
    p.resized_width = s.resized_width;
    p.resized_height = s.resized_height;
    p.pad_left = s.pad_left;
    p.pad_top = s.pad_top;
    p.half = s.half;
    p.content_only = s.content_only;
    p.scale_x = s.scale_x;
    p.scale_y = s.scale_y;
    p.taps = s.taps;
    return p;
}

// The images of a batch in one launch: grid layer z letterboxes image z with the production pixels per thread
// (the grid covers the largest image's region; threads outside their image's region return).
EP_GLOBAL void ep_preprocess_batch(ep_preprocess_batch_params b)
{
    int i = static_cast<int>(ep_block_z());
    if (i < b.count)
    {
        const ep_preprocess_params p = ep_batch_image(b, i);
        ep_preprocess_run<EP_PREPROCESS_PIXELS>(reinterpret_cast<const ep_u8*>(b.src[i]), p, reinterpret_cast<void*>(b.dst[i]));
    }
}
