// Launch configurations of the EdgePose kernels: grid and block sizes from the parameters. The host
// emulation uses these; src/EdgePose.Native/Cuda/Kernels/KernelLaunchConfig.cs computes the same numbers.
#pragma once

#include "ep_params.h"

enum
{
    EP_PREPROCESS_BLOCK_X = 32,
    EP_PREPROCESS_BLOCK_Y = 8,
    EP_LINEAR_BLOCK = 256,
    EP_PREPROCESS_PIXELS = 2,     // output pixels per preprocess thread in production (ep_preprocess_x2, ep_preprocess_batch)
    EP_NMS_MASK_MAX_BLOCKS = 256,  // the NMS mask's fixed grid walks the tiles it needs
    EP_NMS_MASK_THREADS = 256,    // threads per NMS mask block: half a 64 × 64 tile, 8 per row
};

static inline int ep_blocks(int threads, int per_block) { return (threads + per_block - 1) / per_block; }

// Columns and rows the preprocess grid covers: the whole output, or with content_only the resized image.
static inline int ep_preprocess_columns(const ep_preprocess_params* p) { return p->content_only ? p->resized_width : p->dst_width; }
static inline int ep_preprocess_rows(const ep_preprocess_params* p) { return p->content_only ? p->resized_height : p->dst_height; }

// Entries of a geometry's tap table (ep_preprocess_taps, one thread each): columns, then rows.
static inline int ep_preprocess_tap_count(const ep_preprocess_params* p) { return p->resized_width + p->resized_height; }

// NMS candidates at most (the size of the sorted order and of the mask's rows).
static inline int ep_nms_capacity(const ep_decode_params* p)
{
    return p->capacity < p->max_candidates ? p->capacity : p->max_candidates;
}

// Blocks of the NMS mask's grid: one per half tile of the capacity's mask, at most EP_NMS_MASK_MAX_BLOCKS.
static inline int ep_nms_mask_blocks(const ep_decode_params* p)
{
    int words = ep_blocks(ep_nms_capacity(p), EP_NMS_BLOCK);
    long long units = 2LL * words * words;
    return units < EP_NMS_MASK_MAX_BLOCKS ? static_cast<int>(units) : EP_NMS_MASK_MAX_BLOCKS;
}

// Threads of the gather: one per word of each result slot's record.
static inline int ep_gather_threads(const ep_decode_params* p) { return p->max_det * (EP_RESULT_RECORD_FIXED + 3 * p->kpt_count); }

// Words of the result buffer: header and max_det records.
static inline int ep_result_words(const ep_decode_params* p)
{
    return EP_RESULT_HEADER + p->max_det * (EP_RESULT_RECORD_FIXED + 3 * p->kpt_count);
}
