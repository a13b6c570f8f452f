// NMS as torchvision's CUDA kernel does it: a parallel IoU bitmask over the score-sorted candidates
// (a block of 64 threads per 64 × 64 tile, one 64-bit word per row and column block), then one thread
// walks the candidates in order, keeps those no kept candidate suppresses and ORs in their mask rows.
// IoU is EdgePose.Core's GreedyNms: float32 from boxes with the class offset, compared in double.
#include "ep_raw.h"

// Box of sorted position s with the class offset (none when class-agnostic), as Core's NMS sees it.
EP_DEVICE void ep_nms_box(const ep_decode_params& p, const int* order, const float* boxes, const int* classes, int s, float b[4])
{
    int c = order[s];
    float offset = p.class_agnostic ? 0.0f : static_cast<float>(classes[c]) * static_cast<float>(EP_CLASS_OFFSET);
    for (int k = 0; k < 4; k++)
    {
        b[k] = boxes[4 * c + k] + offset;
    }
}

// Grid (mask words, mask words) of EP_NMS_BLOCK threads; thread t of block (cb, rb) fills word cb of row
// rb * 64 + t: bit k set when the row's candidate overlaps later candidate cb * 64 + k above the threshold.
EP_GLOBAL void ep_nms_mask(ep_decode_params p, const int* counter, const int* order, const float* boxes,
                           const int* classes, ep_u64* mask)
{
    int n = ep_nms_count(p, counter);
    int col_block = static_cast<int>(ep_block_x());
    int row_block = static_cast<int>(ep_block_y());
    if (row_block > col_block)
    {
        return;
    }

    int i = row_block * EP_NMS_BLOCK + static_cast<int>(ep_thread_x());
    if (i >= n)
    {
        return;
    }

    float a[4];
    ep_nms_box(p, order, boxes, classes, i, a);
    float area_a = (a[2] - a[0]) * (a[3] - a[1]);
    int first = col_block * EP_NMS_BLOCK;
    int start = row_block == col_block ? i + 1 : first;
    int end = first + EP_NMS_BLOCK < n ? first + EP_NMS_BLOCK : n;
    ep_u64 bits = 0;
    for (int j = start; j < end; j++)
    {
        float b[4];
        ep_nms_box(p, order, boxes, classes, j, b);
        float area_b = (b[2] - b[0]) * (b[3] - b[1]);
        float w = ep_max(0.0f, ep_min(a[2], b[2]) - ep_max(a[0], b[0]));
        float h = ep_max(0.0f, ep_min(a[3], b[3]) - ep_max(a[1], b[1]));
        float inter = w * h;
        float iou = inter / (area_a + area_b - inter);
        if (static_cast<double>(iou) > p.iou)
        {
            bits |= 1ull << (j - first);
        }
    }

    mask[static_cast<long long>(i) * ep_mask_words(p) + col_block] = bits;
}

// One thread: the greedy walk. Writes the kept sorted positions to keep and the result header.
EP_GLOBAL void ep_nms_reduce(ep_decode_params p, const int* counter, const ep_u64* mask, ep_u64* removed, int* keep, int* result)
{
    if (ep_global_x() != 0)
    {
        return;
    }

    int n = ep_nms_count(p, counter);
    int words = ep_mask_words(p);
    int used = (n + EP_NMS_BLOCK - 1) / EP_NMS_BLOCK;
    for (int w = 0; w < used; w++)
    {
        removed[w] = 0;
    }

    int limit = p.max_det < n ? p.max_det : n;
    int kept = 0;
    for (int s = 0; s < n && kept < limit; s++)
    {
        int w = s / EP_NMS_BLOCK;
        if ((removed[w] >> (s % EP_NMS_BLOCK)) & 1ull)
        {
            continue;
        }

        keep[kept++] = s;
        const ep_u64* row = mask + static_cast<long long>(s) * words;
        for (int k = w; k < used; k++)
        {
            removed[k] |= row[k];
        }
    }

    result[0] = kept;
    result[1] = counter[0];
    result[2] = EP_RESULT_RECORD_FIXED + 3 * p.kpt_count;
    result[3] = 0;
}
