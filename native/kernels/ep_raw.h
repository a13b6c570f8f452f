// Reading the raw pose head and mapping model-input coordinates back to the source image.
#pragma once

#include "ep_cuda.h"
#include "ep_params.h"

// Value v of anchor r, whichever way round the output is stored.
EP_DEVICE float ep_raw_at(const float* raw, const ep_decode_params& p, int r, int v)
{
    int per_row = 4 + p.classes + p.kpt_count * p.kpt_dims;
    return p.channels_last ? raw[r * per_row + v] : raw[v * p.rows + r];
}

// EdgePose.Core's Letterbox.UnmapX/UnmapY: (x - pad) / gain, then Math.Clamp to [0, size] (NaN passes).
EP_DEVICE float ep_unmap(float x, float pad, float gain, float size)
{
    float v = (x - pad) / gain;
    return v < 0.0f ? 0.0f : (v > size ? size : v);
}

// The order of EdgePose.Core's ScoreOrder: a float as a uint whose unsigned order is the float's order.
EP_DEVICE ep_u32 ep_ascending(float f)
{
    ep_u32 bits = ep_float_bits(f);
    return (bits & 0x80000000u) != 0 ? ~bits : (bits | 0x80000000u);
}

// Candidates sorted by this key ascending: score descending, then (anchor, class) ascending.
EP_DEVICE ep_u64 ep_sort_key(float score, ep_u32 index)
{
    return (static_cast<ep_u64>(~ep_ascending(score)) << 32) | index;
}

// A candidate's box as NMS sees it (x1, y1, x2, y2 with the class offset), 16-byte aligned so a thread
// reads it with one load.
struct alignas(16) ep_box
{
    float x1, y1, x2, y2;
};

// Candidates that go into NMS: those above conf, at most max_candidates.
EP_DEVICE int ep_nms_count(const ep_decode_params& p, const int* counter)
{
    int n = counter[0];
    return n < p.max_candidates ? n : p.max_candidates;
}

// Words of the IoU mask per row: the capacity's 64-column blocks (fixed at launch).
EP_DEVICE int ep_mask_words(const ep_decode_params& p)
{
    int n = p.capacity < p.max_candidates ? p.capacity : p.max_candidates;
    return (n + EP_NMS_BLOCK - 1) / EP_NMS_BLOCK;
}
