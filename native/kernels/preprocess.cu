// Letterbox preprocess in one pass: BGR, BGRA or NV12 → planar RGB (CHW), float32 or float16, byte/255,
// bilinear resize, padding 114. One thread per output pixel. The resize is OpenCV's INTER_LINEAR for
// 8-bit images as the CPU path runs it (half-pixel centres, 11-bit fixed-point weights, an integer
// horizontal pass, the rounding of its SIMD vertical pass), so the tensor equals the CPU path's (a uint8
// cv::resize, then /255) bit for bit; NV12 is converted per tap with OpenCV's integer BT.601 formula.
#include "ep_cuda.h"
#include "ep_params.h"

// byte / 255 as IEEE float division gives it, for every byte: computed by the compiler (constant
// evaluation rounds as the division instruction does), read by the kernel instead of dividing.
struct ep_unit_table
{
    float v[256];
    constexpr ep_unit_table() : v()
    {
        for (int i = 0; i < 256; i++)
        {
            v[i] = static_cast<float>(i) / 255.0f;
        }
    }
};

EP_DEVICE_DATA ep_unit_table ep_unit255 = ep_unit_table(); // global memory: a constant bank would serialise the threads' different bytes

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

// Horizontal taps: OpenCV clamps position and weight at the left and right edges.
EP_DEVICE void ep_tap_x(int d, double scale, int size, int& i0, int& i1, float& w1)
{
    float f = ep_source_position(d, scale);
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

    i0 = i;
    i1 = i + 1 < size ? i + 1 : size - 1;
    w1 = w;
}

// Vertical taps: OpenCV keeps the weight and clamps only the two source rows.
EP_DEVICE void ep_tap_y(int d, double scale, int size, int& i0, int& i1, float& w1)
{
    float f = ep_source_position(d, scale);
    float fl = __builtin_floorf(f);
    int i = static_cast<int>(fl);
    w1 = f - fl;
    i0 = i < 0 ? 0 : (i > size - 1 ? size - 1 : i);
    i1 = i + 1 < 0 ? 0 : (i + 1 > size - 1 ? size - 1 : i + 1);
}

// float → IEEE half, round to nearest even (what a float16 engine input expects): the GPU's cvt.rn.f16.f32,
// and on the host the same rounding in integer arithmetic.
EP_DEVICE ep_u16 ep_half_bits(float f)
{
#if EP_HARDWARE_HALF
    return __nvvm_f2h_rn(f);
#else
    ep_u32 x = ep_float_bits(f);
    ep_u32 sign = (x >> 16) & 0x8000u;
    ep_u32 a = x & 0x7fffffffu;
    if (a >= 0x7f800000u)
    {
        return static_cast<ep_u16>(sign | (a > 0x7f800000u ? 0x7e00u : 0x7c00u));
    }

    if (a >= 0x477ff000u)
    {
        return static_cast<ep_u16>(sign | 0x7c00u);
    }

    if (a < 0x38800000u)
    {
        // Below the smallest normal half: multiples of 2^-24, rounded to even.
        float m = __builtin_rintf(ep_bits_float(a) * 16777216.0f);
        return static_cast<ep_u16>(sign | static_cast<ep_u32>(m));
    }

    return static_cast<ep_u16>(sign | ((a - 0x38000000u + 0x0fffu + ((a >> 13) & 1u)) >> 13));
#endif
}

// The three model-input values (R, G, B planes) of output pixel (x, y).
EP_DEVICE void ep_letterbox_pixel(const ep_u8* EP_RESTRICT src, const ep_preprocess_params& p, int x, int y, float value[3])
{
    int rx = x - p.pad_left;
    int ry = y - p.pad_top;
    if (rx < 0 || ry < 0 || rx >= p.resized_width || ry >= p.resized_height)
    {
        value[0] = value[1] = value[2] = 114.0f / 255.0f;
        return;
    }

    int x0, x1, y0, y1;
    float ax, ay;
    ep_tap_x(rx, p.scale_x, p.src_width, x0, x1, ax);
    ep_tap_y(ry, p.scale_y, p.src_height, y0, y1, ay);
    // OpenCV's fixed point: 11-bit weights (cvRound of the float weights), a horizontal pass in int,
    // then the vertical pass of its SIMD path.
    int a0 = static_cast<int>(__builtin_rintf((1.0f - ax) * 2048.0f));
    int a1 = static_cast<int>(__builtin_rintf(ax * 2048.0f));
    int b0 = static_cast<int>(__builtin_rintf((1.0f - ay) * 2048.0f));
    int b1 = static_cast<int>(__builtin_rintf(ay * 2048.0f));
    // A tap of weight 0 adds 0 whatever its pixel, so it is not read: at integer reductions (1920x1080
    // to 640x360 is 3x) every sample sits on a source pixel and one tap of four is read.
    int p00[3], p01[3] = {0, 0, 0}, p10[3] = {0, 0, 0}, p11[3] = {0, 0, 0};
    ep_fetch(src, p, x0, y0, p00);
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
        value[2 - c] = ep_unit255.v[ep_clamp_byte(b)];
    }
}

// P consecutive output pixels of one row per thread (P = 1, 2 or 4): the pixels' values, then one store
// of P values per plane (P halves in one 2P-byte word, P floats in 4P bytes) where the row length keeps
// those stores aligned, else one store per value.
template <int P>
EP_DEVICE void ep_preprocess_run(const ep_u8* EP_RESTRICT src, const ep_preprocess_params& p, void* EP_RESTRICT dst)
{
    int x = static_cast<int>(ep_global_x()) * P;
    int y = static_cast<int>(ep_global_y());
    if (x >= p.dst_width || y >= p.dst_height)
    {
        return;
    }

    float value[P][3];
    int n = p.dst_width - x < P ? p.dst_width - x : P;
    for (int i = 0; i < n; i++)
    {
        ep_letterbox_pixel(src, p, x + i, y, value[i]);
    }

    int plane = p.dst_width * p.dst_height;
    int at = y * p.dst_width + x;
    bool packed = P > 1 && p.dst_width % P == 0;
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
                    word |= static_cast<ep_u64>(ep_half_bits(value[i][c])) << (16 * i);
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
                for (int i = 0; i < n; i++)
                {
                    out[i] = ep_half_bits(value[i][c]);
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
                    ep_u64 word = static_cast<ep_u64>(ep_float_bits(value[i][c])) | (static_cast<ep_u64>(ep_float_bits(value[i + 1][c])) << 32);
                    *reinterpret_cast<ep_u64*>(out + i) = word;
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    out[i] = value[i][c];
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
