// Writes the kept detections into the result buffer, one thread per word of the records, so that
// neighbouring threads write neighbouring words (whole lines, also into mapped host memory): box and
// keypoints mapped back to the source image (letterbox inverse, clipped as EdgePose.Core's
// Letterbox.Unmap does), score, class and anchor. Two-value keypoints get score 1.
#include "ep_raw.h"

EP_GLOBAL void ep_gather(const float* raw, ep_decode_params p, const int* counter, const int* order, const int* keep,
                         const float* boxes, const int* anchors, const int* classes, const float* scores, int* result)
{
    int t = static_cast<int>(ep_global_x());
    int words = EP_RESULT_RECORD_FIXED + 3 * p.kpt_count;
    int d = t / words;
    int w = t % words;
    if (d >= counter[1])
    {
        return;
    }

    int c = order[keep[d]];
    int value;
    if (w < 4)
    {
        bool horizontal = (w & 1) == 0;
        value = ep_float_int(ep_unmap(boxes[4 * c + w], horizontal ? p.pad_left : p.pad_top, p.gain, horizontal ? p.src_width : p.src_height));
    }
    else if (w == 4)
    {
        value = ep_float_int(scores[c]);
    }
    else if (w == 5)
    {
        value = classes[c];
    }
    else if (w == 6)
    {
        value = anchors[c];
    }
    else
    {
        int k = (w - EP_RESULT_RECORD_FIXED) / 3;
        int part = (w - EP_RESULT_RECORD_FIXED) % 3;
        int v = 4 + p.classes + k * p.kpt_dims + part;
        int r = anchors[c];
        if (part == 0)
        {
            value = ep_float_int(ep_unmap(ep_raw_at(raw, p, r, v), p.pad_left, p.gain, p.src_width));
        }
        else if (part == 1)
        {
            value = ep_float_int(ep_unmap(ep_raw_at(raw, p, r, v), p.pad_top, p.gain, p.src_height));
        }
        else
        {
            value = ep_float_int(p.kpt_dims == 3 ? ep_raw_at(raw, p, r, v) : 1.0f);
        }
    }

    result[EP_RESULT_HEADER + d * words + w] = value;
}
