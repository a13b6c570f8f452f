// Candidate order for NMS: by score descending, ties by (anchor, class) ascending — EdgePose.Core's
// stable ScoreOrder. The keys are unique, so each candidate's rank (how many keys are smaller) is its
// position; one thread per candidate writes order[rank] = slot for the first max_candidates ranks, and
// the candidate's NMS box (with the class offset, none when class-agnostic) at sorted[rank], so the NMS
// mask reads boxes in sorted order with one load each. O(n²) work, no cooperation between threads; fine
// for the few hundred candidates a frame has above conf.
#include "ep_raw.h"

EP_GLOBAL void ep_rank_sort(ep_decode_params p, const int* counter, const ep_u64* keys, const float* boxes, const int* classes,
                            int* order, ep_box* sorted)
{
    int i = static_cast<int>(ep_global_x());
    int n = counter[0];
    if (n > p.capacity)
    {
        n = p.capacity;
    }

    if (i >= n)
    {
        return;
    }

    ep_u64 key = keys[i];
    int rank = 0;
    for (int j = 0; j < n; j++)
    {
        rank += keys[j] < key ? 1 : 0;
    }

    if (rank < p.max_candidates)
    {
        order[rank] = i;
        float offset = p.class_agnostic ? 0.0f : static_cast<float>(classes[i]) * static_cast<float>(EP_CLASS_OFFSET);
        ep_box b;
        b.x1 = boxes[4 * i] + offset;
        b.y1 = boxes[4 * i + 1] + offset;
        b.x2 = boxes[4 * i + 2] + offset;
        b.y2 = boxes[4 * i + 3] + offset;
        sorted[rank] = b;
    }
}
