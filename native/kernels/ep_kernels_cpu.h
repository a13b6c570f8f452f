// C ABI of libedgepose_kernels_cpu: the CUDA kernels of native/kernels compiled for the host and run on
// an emulated grid (ep_grid.h). For tests: the managed side compares them with EdgePose.Core.
#pragma once

#include <stdint.h>
#include "ep_params.h"

#if defined(__GNUC__)
#define EP_EXPORT __attribute__((visibility("default")))
#else
#define EP_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum
{
    EP_OK = 0,
    EP_BAD_ARGUMENT = -1,
};

// Sizes of the parameter structs, for the managed mirror's layout check.
EP_EXPORT int ep_cpu_params_sizes(int* preprocess, int* decode);

// Runs the preprocess kernel with 1, 2 or 4 output pixels per thread (ep_preprocess, ep_preprocess_x2,
// ep_preprocess_x4) over the whole output: 3 × dst_height × dst_width floats or halves at dst.
EP_EXPORT int ep_cpu_preprocess_pixels(const uint8_t* src, const struct ep_preprocess_params* p, void* dst, int pixels_per_thread);

// Runs decode, sort, NMS mask, reduce and gather; result holds result_words ints (see ep_result_words).
EP_EXPORT int ep_cpu_postprocess(const float* raw, const struct ep_decode_params* p, int* result, int result_words);

#ifdef __cplusplus
}
#endif
