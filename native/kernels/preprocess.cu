// Letterbox preprocess in one pass: BGR, BGRA or NV12 → planar RGB (CHW), float32 or float16, byte/255,
// bilinear resize with OpenCV's INTER_LINEAR geometry (half-pixel centres, edge clamped), padding 114.
// One thread per output pixel. The interpolated value is rounded to a byte first, as the CPU path (a
// uint8 resize, then /255) does, so results sit on the same 1/255 grid.
#include "ep_cuda.h"
#include "ep_params.h"

// OpenCV's BT.601 limited-range YUV → RGB in 20-bit fixed point (the coefficients of cvtColor NV12).
EP_DEVICE int ep_clamp_byte(int v) { return v < 0 ? 0 : (v > 255 ? 255 : v); }

// Reads the B, G, R bytes of source pixel (x, y).
EP_DEVICE void ep_fetch(const ep_u8* src, const ep_preprocess_params& p, int x, int y, int bgr[3])
{
    if (p.format == EP_FORMAT_NV12)
    {
        const int shift = 20;
        int luma = src[y * p.src_stride + x] - 16;
        const ep_u8* uv = src + p.uv_offset + (y >> 1) * p.uv_stride + (x & ~1);
        int u = uv[0] - 128;
        int v = uv[1] - 128;
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

// Source coordinate and weight of the right/lower tap for resized coordinate d (OpenCV INTER_LINEAR).
EP_DEVICE void ep_tap(int d, float scale, int size, int& i0, int& i1, float& w1)
{
    float f = (static_cast<float>(d) + 0.5f) * scale - 0.5f;
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

// float → IEEE half, round to nearest even (what a float16 engine input expects).
EP_DEVICE ep_u16 ep_half_bits(float f)
{
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
}

EP_GLOBAL void ep_preprocess(const ep_u8* src, ep_preprocess_params p, void* dst)
{
    int x = static_cast<int>(ep_global_x());
    int y = static_cast<int>(ep_global_y());
    if (x >= p.dst_width || y >= p.dst_height)
    {
        return;
    }

    float value[3];
    int rx = x - p.pad_left;
    int ry = y - p.pad_top;
    if (rx < 0 || ry < 0 || rx >= p.resized_width || ry >= p.resized_height)
    {
        value[0] = value[1] = value[2] = 114.0f / 255.0f;
    }
    else
    {
        int x0, x1, y0, y1;
        float ax, ay;
        ep_tap(rx, p.scale_x, p.src_width, x0, x1, ax);
        ep_tap(ry, p.scale_y, p.src_height, y0, y1, ay);
        int p00[3], p01[3], p10[3], p11[3];
        ep_fetch(src, p, x0, y0, p00);
        ep_fetch(src, p, x1, y0, p01);
        ep_fetch(src, p, x0, y1, p10);
        ep_fetch(src, p, x1, y1, p11);
        for (int c = 0; c < 3; c++)
        {
            float top = static_cast<float>(p00[c]) * (1.0f - ax) + static_cast<float>(p01[c]) * ax;
            float bottom = static_cast<float>(p10[c]) * (1.0f - ax) + static_cast<float>(p11[c]) * ax;
            float v = top * (1.0f - ay) + bottom * ay;
            int b = static_cast<int>(__builtin_floorf(v + 0.5f));
            // Channel c of BGR goes to plane 2 - c of RGB.
            value[2 - c] = static_cast<float>(ep_clamp_byte(b)) / 255.0f;
        }
    }

    int plane = p.dst_width * p.dst_height;
    int at = y * p.dst_width + x;
    for (int c = 0; c < 3; c++)
    {
        if (p.half)
        {
            static_cast<ep_u16*>(dst)[c * plane + at] = ep_half_bits(value[c]);
        }
        else
        {
            static_cast<float*>(dst)[c * plane + at] = value[c];
        }
    }
}
