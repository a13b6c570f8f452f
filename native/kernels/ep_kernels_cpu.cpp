// libedgepose_kernels_cpu: the kernel sources, compiled for the host, launched on the emulated grid with
// the launch configuration the GPU path uses. Scratch memory is allocated per call: this library serves
// tests and references, not the frame loop.
#include "ep_kernels_cpu.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ep_launch.h"
#include "preprocess.cu"
#include "decode.cu"
#include "sort.cu"
#include "nms.cu"
#include "gather.cu"

namespace
{
ep_u32 u(int v) { return static_cast<ep_u32>(v); }

bool valid(const ep_preprocess_params& p)
{
    return p.dst_width > 0 && p.dst_height > 0 && p.src_width > 0 && p.src_height > 0 && p.resized_width > 0 && p.resized_height > 0 &&
           p.taps == 0;
}

// The tap table of p's geometry, made by the tap kernel on the emulated grid.
std::vector<ep_tap> tap_table(const ep_preprocess_params& p)
{
    std::vector<ep_tap> taps(static_cast<std::size_t>(ep_preprocess_tap_count(&p)));
    ep_grid::launch(u(ep_blocks(ep_preprocess_tap_count(&p), EP_LINEAR_BLOCK)), 1, EP_LINEAR_BLOCK, 1, [&] { ep_preprocess_taps(p, taps.data()); });
    return taps;
}

bool valid(const ep_decode_params& p)
{
    return p.rows > 0 && p.classes > 0 && p.kpt_count >= 0 && (p.kpt_dims == 2 || p.kpt_dims == 3) && p.max_det > 0 &&
           p.max_candidates > 0 && p.capacity == p.rows * (p.multi_label ? p.classes : 1) && p.gain > 0.0f;
}
}  // namespace

extern "C" int ep_cpu_params_sizes(int* preprocess, int* decode, int* preprocess_batch)
{
    *preprocess = static_cast<int>(sizeof(ep_preprocess_params));
    *decode = static_cast<int>(sizeof(ep_decode_params));
    *preprocess_batch = static_cast<int>(sizeof(ep_preprocess_batch_params));
    return EP_OK;
}

extern "C" int ep_cpu_preprocess_pixels(const uint8_t* src, const ep_preprocess_params* p, void* dst, int pixels_per_thread, int use_taps)
{
    if (src == nullptr || p == nullptr || dst == nullptr || !valid(*p) || (pixels_per_thread != 1 && pixels_per_thread != 2 && pixels_per_thread != 4))
    {
        return EP_BAD_ARGUMENT;
    }

    ep_preprocess_params params = *p;
    std::vector<ep_tap> taps;
    if (use_taps != 0)
    {
        taps = tap_table(params);
        params.taps = reinterpret_cast<std::uintptr_t>(taps.data());
    }

    const ep_u32 grid_x = u(ep_blocks(ep_blocks(ep_preprocess_columns(p), pixels_per_thread), EP_PREPROCESS_BLOCK_X));
    const ep_u32 grid_y = u(ep_blocks(ep_preprocess_rows(p), EP_PREPROCESS_BLOCK_Y));
    ep_grid::launch(grid_x, grid_y, EP_PREPROCESS_BLOCK_X, EP_PREPROCESS_BLOCK_Y, [&] {
        if (pixels_per_thread == 1)
        {
            ep_preprocess(src, params, dst);
        }
        else if (pixels_per_thread == 2)
        {
            ep_preprocess_x2(src, params, dst);
        }
        else
        {
            ep_preprocess_x4(src, params, dst);
        }
    });
    return EP_OK;
}

extern "C" int ep_cpu_preprocess_batch(const uint8_t* const* src, const ep_preprocess_params* p, void* const* dst, int count, int use_taps)
{
    if (src == nullptr || p == nullptr || dst == nullptr || count < 1 || count > EP_PREPROCESS_BATCH_MAX)
    {
        return EP_BAD_ARGUMENT;
    }

    ep_preprocess_batch_params batch{};
    std::vector<std::vector<ep_tap>> taps(static_cast<std::size_t>(count));
    int columns = 0, rows = 0;
    for (int i = 0; i < count; i++)
    {
        if (src[i] == nullptr || dst[i] == nullptr || !valid(p[i]))
        {
            return EP_BAD_ARGUMENT;
        }

        batch.image[i] = p[i];
        if (use_taps != 0)
        {
            taps[static_cast<std::size_t>(i)] = tap_table(p[i]);
            batch.image[i].taps = reinterpret_cast<std::uintptr_t>(taps[static_cast<std::size_t>(i)].data());
        }

        batch.src[i] = reinterpret_cast<std::uintptr_t>(src[i]);
        batch.dst[i] = reinterpret_cast<std::uintptr_t>(dst[i]);
        columns = ep_preprocess_columns(&p[i]) > columns ? ep_preprocess_columns(&p[i]) : columns;
        rows = ep_preprocess_rows(&p[i]) > rows ? ep_preprocess_rows(&p[i]) : rows;
    }

    batch.count = count;
    ep_grid::launch(u(ep_blocks(ep_blocks(columns, EP_PREPROCESS_PIXELS), EP_PREPROCESS_BLOCK_X)), u(ep_blocks(rows, EP_PREPROCESS_BLOCK_Y)), u(count),
                    EP_PREPROCESS_BLOCK_X, EP_PREPROCESS_BLOCK_Y, [&] { ep_preprocess_batch(batch); });
    return EP_OK;
}

extern "C" int ep_cpu_postprocess(const float* raw, const ep_decode_params* p, int* result, int result_words)
{
    if (raw == nullptr || p == nullptr || result == nullptr || !valid(*p) || result_words < ep_result_words(p))
    {
        return EP_BAD_ARGUMENT;
    }

    const ep_decode_params params = *p;
    const std::size_t cap = static_cast<std::size_t>(params.capacity);
    const int nms_cap = ep_nms_capacity(p);
    const int words = ep_blocks(nms_cap, EP_NMS_BLOCK);
    std::vector<int> counter(2, 0);
    std::vector<ep_u64> keys(cap);
    std::vector<float> boxes(4 * cap);
    std::vector<int> anchors(cap), classes(cap), order(static_cast<std::size_t>(nms_cap));
    std::vector<ep_box> sorted(static_cast<std::size_t>(nms_cap));
    std::vector<float> scores(cap);
    std::vector<ep_u64> mask(static_cast<std::size_t>(nms_cap) * static_cast<std::size_t>(words));
    std::vector<ep_u64> removed(static_cast<std::size_t>(words));
    std::vector<int> keep(static_cast<std::size_t>(params.max_det));

    ep_grid::launch(u(ep_blocks(params.rows, EP_LINEAR_BLOCK)), 1, EP_LINEAR_BLOCK, 1, [&] {
        ep_decode(raw, params, counter.data(), keys.data(), boxes.data(), anchors.data(), classes.data(), scores.data());
    });
    ep_grid::launch(u(ep_blocks(params.capacity, EP_LINEAR_BLOCK)), 1, EP_LINEAR_BLOCK, 1,
                    [&] { ep_rank_sort(params, counter.data(), keys.data(), boxes.data(), classes.data(), order.data(), sorted.data()); });
    ep_grid::launch(u(ep_nms_mask_blocks(p)), 1, EP_NMS_MASK_THREADS, 1,
                    [&] { ep_nms_mask(params, counter.data(), sorted.data(), mask.data()); });
    ep_grid::launch(1, 1, 1, 1, [&] { ep_nms_reduce(params, counter.data(), mask.data(), removed.data(), keep.data(), result); });
    ep_grid::launch(u(ep_blocks(ep_gather_threads(p), EP_LINEAR_BLOCK)), 1, EP_LINEAR_BLOCK, 1, [&] {
        ep_gather(raw, params, counter.data(), order.data(), keep.data(), boxes.data(), anchors.data(), classes.data(), scores.data(), result);
    });
    return EP_OK;
}
