// Decode of the raw pose head: one thread per anchor keeps the candidates whose score is strictly above
// conf (the best class, or every class above it with multi_label), appends them with an atomic counter
// and writes each one's box (cx, cy, w, h → x1, y1, x2, y2 in model-input pixels), score, class, anchor
// and sort key. The slots come out in any order; the sort key restores EdgePose.Core's candidate order.
#include "ep_raw.h"

EP_DEVICE void ep_add_candidate(const float* raw, const ep_decode_params& p, int r, int c, float score,
                                int* counter, ep_u64* keys, float* boxes, int* anchors, int* classes, float* scores)
{
    int slot = ep_atomic_add(counter, 1);
    if (slot >= p.capacity)
    {
        return;
    }

    float cx = ep_raw_at(raw, p, r, 0);
    float cy = ep_raw_at(raw, p, r, 1);
    float hw = ep_raw_at(raw, p, r, 2) / 2.0f;
    float hh = ep_raw_at(raw, p, r, 3) / 2.0f;
    boxes[4 * slot] = cx - hw;
    boxes[4 * slot + 1] = cy - hh;
    boxes[4 * slot + 2] = cx + hw;
    boxes[4 * slot + 3] = cy + hh;
    anchors[slot] = r;
    classes[slot] = c;
    scores[slot] = score;
    keys[slot] = ep_sort_key(score, static_cast<ep_u32>(r * p.classes + c));
}

EP_GLOBAL void ep_decode(const float* raw, ep_decode_params p, int* counter, ep_u64* keys, float* boxes,
                         int* anchors, int* classes, float* scores)
{
    int r = static_cast<int>(ep_global_x());
    if (r >= p.rows)
    {
        return;
    }

    float best_score = ep_raw_at(raw, p, r, 4);
    float row_max = best_score;
    int best = 0;
    for (int c = 1; c < p.classes; c++)
    {
        float s = ep_raw_at(raw, p, r, 4 + c);
        row_max = ep_max(row_max, s);
        if (s > best_score)
        {
            best = c;
            best_score = s;
        }
    }

    if (!(row_max > p.conf))
    {
        return;
    }

    if (!p.multi_label)
    {
        ep_add_candidate(raw, p, r, best, best_score, counter, keys, boxes, anchors, classes, scores);
        return;
    }

    for (int c = 0; c < p.classes; c++)
    {
        float s = ep_raw_at(raw, p, r, 4 + c);
        if (s > p.conf)
        {
            ep_add_candidate(raw, p, r, c, s, counter, keys, boxes, anchors, classes, scores);
        }
    }
}
