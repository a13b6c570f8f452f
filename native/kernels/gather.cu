// Writes the kept detections into the result buffer, one thread per detection part: box and keypoints mapped
// back to the source image (letterbox inverse, clipped as EdgePose.Core's Letterbox.Unmap does), score,
// class and anchor. Two-value keypoints get score 1.
#include "ep_raw.h"

EP_GLOBAL void ep_gather(const float* raw, ep_decode_params p, const int* counter, const int* order, const int* keep,
                         const float* boxes, const int* anchors, const int* classes, const float* scores, int* result)
{
    // Thread t writes part t % (1 + kpt_count) of detection t / (1 + kpt_count): part 0 the box, score,
    // class and anchor, part k + 1 keypoint k; neighbouring threads write neighbouring words.
    int t = static_cast<int>(ep_global_x());
    int parts = 1 + p.kpt_count;
    int d = t / parts;
    int part = t % parts;
    if (d >= counter[1])
    {
        return;
    }

    int c = order[keep[d]];
    int r = anchors[c];
    int words = EP_RESULT_RECORD_FIXED + 3 * p.kpt_count;
    int* out = result + EP_RESULT_HEADER + d * words;
    if (part == 0)
    {
        out[0] = ep_float_int(ep_unmap(boxes[4 * c], p.pad_left, p.gain, p.src_width));
        out[1] = ep_float_int(ep_unmap(boxes[4 * c + 1], p.pad_top, p.gain, p.src_height));
        out[2] = ep_float_int(ep_unmap(boxes[4 * c + 2], p.pad_left, p.gain, p.src_width));
        out[3] = ep_float_int(ep_unmap(boxes[4 * c + 3], p.pad_top, p.gain, p.src_height));
        out[4] = ep_float_int(scores[c]);
        out[5] = classes[c];
        out[6] = r;
        return;
    }

    int k = part - 1;
    int v = 4 + p.classes + k * p.kpt_dims;
    out[7 + 3 * k] = ep_float_int(ep_unmap(ep_raw_at(raw, p, r, v), p.pad_left, p.gain, p.src_width));
    out[8 + 3 * k] = ep_float_int(ep_unmap(ep_raw_at(raw, p, r, v + 1), p.pad_top, p.gain, p.src_height));
    out[9 + 3 * k] = ep_float_int(p.kpt_dims == 3 ? ep_raw_at(raw, p, r, v + 2) : 1.0f);
}
