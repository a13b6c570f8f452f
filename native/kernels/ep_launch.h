// Launch configurations of the EdgePose kernels: grid and block sizes from the parameters. The host
// emulation uses these; src/EdgePose.Native/Cuda/Kernels/KernelLaunchConfig.cs computes the same numbers.
#pragma once

#include "ep_params.h"

enum
{
    EP_PREPROCESS_BLOCK_X = 32,
    EP_PREPROCESS_BLOCK_Y = 8,
    EP_LINEAR_BLOCK = 256,
};

static inline int ep_blocks(int threads, int per_block) { return (threads + per_block - 1) / per_block; }

// NMS candidates at most (the size of the sorted order and of the mask's rows).
static inline int ep_nms_capacity(const ep_decode_params* p)
{
    return p->capacity < p->max_candidates ? p->capacity : p->max_candidates;
}

// Words of the result buffer: header and max_det records.
static inline int ep_result_words(const ep_decode_params* p)
{
    return EP_RESULT_HEADER + p->max_det * (EP_RESULT_RECORD_FIXED + 3 * p->kpt_count);
}
