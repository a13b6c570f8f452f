// NMS as torchvision's CUDA kernel does it: a parallel IoU bitmask over the score-sorted candidates
// (64 × 64 tiles, one 64-bit word per row and column block), then one thread
// walks the candidates in order, keeps those no kept candidate suppresses and ORs in their mask rows.
// IoU is EdgePose.Core's GreedyNms: float32 from boxes with the class offset, compared in double.
#include "ep_raw.h"

// A fixed grid of EP_NMS_MASK_THREADS-thread blocks walks the upper triangle of the mask over the n
// candidates counted on the device (grid-stride, so the launch does not grow with the capacity), half a
// 64 × 64 tile per step: thread t takes row t / 8 of the half tile and columns 8 × (t % 8) to + 7, and
// writes their 8 bits as one byte of the row's 64-bit word (bit k set when the row's candidate overlaps
// later candidate k of the column block above the threshold). Eight threads per word keep many rows in
// flight, and each byte has one writer, so no word needs clearing or atomics.
EP_GLOBAL void ep_nms_mask(ep_decode_params p, const int* counter, const ep_box* EP_RESTRICT sorted, ep_u64* EP_RESTRICT mask)
{
    int n = ep_nms_count(p, counter);
    int used = (n + EP_NMS_BLOCK - 1) / EP_NMS_BLOCK;
    int units = 2 * used * used;
    int words = ep_mask_words(p);
    int t = static_cast<int>(ep_thread_x());
    int chunk = t % 8;
    for (int u = static_cast<int>(ep_block_x()); u < units; u += static_cast<int>(ep_grid_dim_x()))
    {
        int tile = u / 2;
        int row_block = tile / used;
        int col_block = tile % used;
        int i = row_block * EP_NMS_BLOCK + (u % 2) * (EP_NMS_BLOCK / 2) + t / 8;
        if (row_block > col_block || i >= n)
        {
            continue;
        }

        ep_box a = sorted[i];
        float area_a = (a.x2 - a.x1) * (a.y2 - a.y1);
        int first = col_block * EP_NMS_BLOCK + 8 * chunk;
        unsigned int bits = 0;
        EP_UNROLL(8)
        for (int k = 0; k < 8; k++)
        {
            int j = first + k;
            if (j <= i || j >= n)
            {
                continue;
            }

            ep_box b = sorted[j];
            float area_b = (b.x2 - b.x1) * (b.y2 - b.y1);
            float w = ep_max(0.0f, ep_min(a.x2, b.x2) - ep_max(a.x1, b.x1));
            float h = ep_max(0.0f, ep_min(a.y2, b.y2) - ep_max(a.y1, b.y1));
            float inter = w * h;
            float iou = inter / (area_a + area_b - inter);
            if (static_cast<double>(iou) > p.iou)
            {
                bits |= 1u << k;
            }
        }

        // Byte chunk of the little-endian word holds columns 8 × chunk to 8 × chunk + 7.
        reinterpret_cast<ep_u8*>(mask + static_cast<long long>(i) * words + col_block)[chunk] = static_cast<ep_u8>(bits);
    }
}

// One thread: the greedy walk, a 64-candidate column block at a time. The block's diagonal mask words are
// loaded together (independent loads, so their latencies overlap), the walk inside the block runs on
// them, and only then are the kept candidates' words for later blocks ORed into removed. Writes the kept
// sorted positions to keep, their count to counter[1] (for the gather) and the result header.
EP_GLOBAL void ep_nms_reduce(ep_decode_params p, int* counter, const ep_u64* mask, ep_u64* removed, int* keep, int* result)
{
    if (ep_global_x() != 0)
    {
        return;
    }

    int n = ep_nms_count(p, counter);
    int words = ep_mask_words(p);
    int used = (n + EP_NMS_BLOCK - 1) / EP_NMS_BLOCK;
    // Up to EP_NMS_LOCAL_WORDS words (1024 candidates) the removed bits stay in the thread's own memory;
    // beyond, in the global scratch.
    ep_u64 local_removed[EP_NMS_LOCAL_WORDS];
    ep_u64* gone_bits = used <= EP_NMS_LOCAL_WORDS ? local_removed : removed;
    for (int w = 0; w < used; w++)
    {
        gone_bits[w] = 0;
    }

    int limit = p.max_det < n ? p.max_det : n;
    int kept = 0;
    for (int w = 0; w < used && kept < limit; w++)
    {
        int first = w * EP_NMS_BLOCK;
        int count = n - first < EP_NMS_BLOCK ? n - first : EP_NMS_BLOCK;
        // Fully unrolled over the 64 columns, so the words stay in registers.
        ep_u64 diagonal[EP_NMS_BLOCK];
        EP_UNROLL(64)
        for (int b = 0; b < EP_NMS_BLOCK; b++)
        {
            diagonal[b] = b < count ? mask[static_cast<long long>(first + b) * words + w] : 0ull;
        }

        ep_u64 gone = gone_bits[w];
        ep_u64 kept_bits = 0;
        EP_UNROLL(64)
        for (int b = 0; b < EP_NMS_BLOCK; b++)
        {
            bool take = b < count && kept < limit && ((gone >> b) & 1ull) == 0;
            if (take)
            {
                keep[kept++] = first + b;
                kept_bits |= 1ull << b;
                gone |= diagonal[b];
            }
        }

        for (int k = w + 1; k < used; k++)
        {
            ep_u64 acc = gone_bits[k];
            EP_UNROLL(64)
            for (int b = 0; b < EP_NMS_BLOCK; b++)
            {
                if ((kept_bits >> b) & 1ull)
                {
                    acc |= mask[static_cast<long long>(first + b) * words + k];
                }
            }

            gone_bits[k] = acc;
        }
    }

    counter[1] = kept;
    result[0] = kept;
    result[1] = counter[0];
    result[2] = EP_RESULT_RECORD_FIXED + 3 * p.kpt_count;
    result[3] = 0;
}
