// Candidate order for NMS: by score descending, ties by (anchor, class) ascending — EdgePose.Core's
// stable ScoreOrder. The keys are unique, so each candidate's rank (how many keys are smaller) is its
// position; one thread per candidate writes order[rank] = slot for the first max_candidates ranks.
// O(n²) work, no cooperation between threads; fine for the few hundred candidates a frame has above conf.
#include "ep_raw.h"

EP_GLOBAL void ep_rank_sort(ep_decode_params p, const int* counter, const ep_u64* keys, int* order)
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
    }
}
