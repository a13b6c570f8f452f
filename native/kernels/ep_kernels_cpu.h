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
EP_EXPORT int ep_cpu_params_sizes(int* preprocess, int* decode, int* preprocess_batch);

// Runs the preprocess kernel with 1, 2 or 4 output pixels per thread (ep_preprocess, ep_preprocess_x2,
// ep_preprocess_x4): 3 × dst_height × dst_width floats or halves at dst, of which content_only writes the
// resized image alone. use_taps: first the tap table kernel (ep_preprocess_taps) into scratch, which the
// preprocess then reads (p->taps must be 0; the emulation sets it).
EP_EXPORT int ep_cpu_preprocess_pixels(const uint8_t* src, const struct ep_preprocess_params* p, void* dst, int pixels_per_thread, int use_taps);

// Runs the batch kernel (ep_preprocess_batch) over count images (1 to EP_PREPROCESS_BATCH_MAX): image i from
// src[i] with p[i] into dst[i]; use_taps as above, a table per image.
EP_EXPORT int ep_cpu_preprocess_batch(const uint8_t* const* src, const struct ep_preprocess_params* p, void* const* dst, int count, int use_taps);

// Runs decode, sort, NMS mask, reduce and gather; result holds result_words ints (see ep_result_words).
EP_EXPORT int ep_cpu_postprocess(const float* raw, const struct ep_decode_params* p, int* result, int result_words);

#ifdef __cplusplus
}
#endif
