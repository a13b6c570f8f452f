// Parameters of the EdgePose kernels, passed by value to every launch. Plain C layout: the managed side
// (src/EdgePose.Native/Cuda/Kernels) mirrors these structs field for field and a test checks the sizes.
#pragma once

// Pixel formats the preprocess kernel reads.
enum
{
    EP_FORMAT_BGR = 0,   // 3 bytes per pixel
    EP_FORMAT_BGRA = 1,  // 4 bytes per pixel, alpha ignored
    EP_FORMAT_NV12 = 2,  // Y plane, then interleaved U,V at half resolution (BT.601 limited range)
};

// Letterbox of one image into the model input (the geometry of EdgePose.Core's Letterbox).
struct ep_preprocess_params
{
    int format;
    int src_width;
    int src_height;
    int src_stride;      // bytes per row (NV12: of the Y plane)
    int uv_offset;       // NV12: bytes from the image start to the UV plane
    int uv_stride;       // NV12: bytes per row of the UV plane
    int dst_width;       // model input
    int dst_height;
    int resized_width;   // the scaled image inside the padding
    int resized_height;
    int pad_left;
    int pad_top;
    int half;            // 1: write float16, 0: float32
    int content_only;    // 1: write only the resized image; the destination already holds this letterbox's padding
    double scale_x;      // OpenCV's inverse scales: 1 / (resized / size), computed once by the host
    double scale_y;
    unsigned long long taps; // address of this geometry's tap table (ep_preprocess_taps), or 0: taps computed per pixel
};

// Letterboxes of up to EP_PREPROCESS_BATCH_MAX images in one launch, the grid's z layer choosing the image: each
// image's parameters, and its source and destination addresses.
enum
{
    EP_PREPROCESS_BATCH_MAX = 8,
};

struct ep_preprocess_batch_params
{
    struct ep_preprocess_params image[EP_PREPROCESS_BATCH_MAX];
    unsigned long long src[EP_PREPROCESS_BATCH_MAX];
    unsigned long long dst[EP_PREPROCESS_BATCH_MAX];
    int count;
    int reserved;
};

// Decoding of the raw pose head [4 + classes + kpt_count * kpt_dims, rows] (or transposed) with NMS.
struct ep_decode_params
{
    int rows;            // anchors
    int classes;
    int kpt_count;
    int kpt_dims;        // 2 or 3
    int channels_last;   // 1: [rows, values]; 0: [values, rows]
    int multi_label;     // 1: one candidate per (anchor, class) above conf
    int class_agnostic;  // 1: suppress across classes
    int max_det;
    int max_candidates;  // best candidates kept for NMS (Ultralytics' max_nms)
    int capacity;        // candidate slots: rows, or rows * classes with multi_label
    float conf;          // keep scores strictly above
    float pad_left;      // letterbox inverse: (x - pad_left) / gain, clipped to [0, src_width]
    float pad_top;
    float gain;
    float src_width;
    float src_height;
    double iou;          // suppress IoU strictly above
};

// The result buffer: EP_RESULT_HEADER ints, then per detection EP_RESULT_RECORD_FIXED words (x1, y1, x2,
// y2, score as float; class, anchor as int) and kpt_count * 3 floats (x, y, score).
enum
{
    EP_RESULT_HEADER = 4,        // detections, candidates above conf, words per record, reserved
    EP_RESULT_RECORD_FIXED = 7,
    EP_NMS_BLOCK = 64,           // columns per IoU mask word
    EP_NMS_LOCAL_WORDS = 16,     // the NMS walk keeps removed bits in its own memory up to 16 words
    EP_CLASS_OFFSET = 7680,      // per-class box offset of class-aware NMS (Ultralytics' max_wh)
};
