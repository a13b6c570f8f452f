/*
 * edgepose_cv: the C interface of EdgePose to OpenCV (images, codecs, resize, drawing, video).
 *
 * Rules of this interface:
 *  - Plain C types only. Every function returns an epcv_status; results come back through out parameters.
 *  - No exception crosses it. After a non-OK status, epcv_last_error() gives a one-line message for the
 *    calling thread (thread-local; valid until the next failing call on that thread).
 *  - Objects are opaque handles, created by the _create and _open functions and freed by the matching _release.
 *    Releasing NULL is a no-op. A handle must not be used from two threads at the same time.
 *  - Strings are UTF-8 and NUL-terminated. Images handed to the image functions are 8-bit BGR
 *    (EPCV_TYPE_8UC3) unless a function says otherwise.
 */
#ifndef EDGEPOSE_CV_H
#define EDGEPOSE_CV_H

#include <stddef.h>
#include <stdint.h>

#if defined(EPCV_BUILDING)
#define EPCV_API __attribute__((visibility("default")))
#else
#define EPCV_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status and errors ---------------------------------------------------------------------- */

typedef enum epcv_status {
  EPCV_OK = 0,
  EPCV_ERR_ARGUMENT = 1,      /* a NULL handle, a negative size, a value out of range */
  EPCV_ERR_NOT_FOUND = 2,     /* a file that cannot be opened for reading */
  EPCV_ERR_DECODE = 3,        /* bytes that are no image OpenCV can decode */
  EPCV_ERR_ENCODE = 4,        /* no encoder for the format, or the encoder failed */
  EPCV_ERR_IO = 5,            /* a file that cannot be written */
  EPCV_ERR_OPEN = 6,          /* a video source or destination that cannot be opened */
  EPCV_ERR_UNSUPPORTED = 7,   /* a request this OpenCV build does not support */
  EPCV_ERR_OPENCV = 8,        /* cv::Exception from inside OpenCV */
  EPCV_ERR_OUT_OF_MEMORY = 9, /* std::bad_alloc */
  EPCV_ERR_INTERNAL = 10      /* any other exception */
} epcv_status;

/* The last error message of the calling thread ("" when none). The pointer stays valid until the next
 * failing call on this thread. */
EPCV_API int32_t epcv_last_error(const char** message);

/* OpenCV's own logging (warnings on stderr): 0 silent, 1 fatal, 2 error, 3 warning, 4 info, 5 debug, 6 verbose. */
EPCV_API int32_t epcv_set_log_level(int32_t level);

/* ---- version and build ---------------------------------------------------------------------- */

typedef struct epcv_build_info {
  int32_t version_major;
  int32_t version_minor;
  int32_t version_revision;
  int32_t has_ffmpeg;    /* 1 when the build information lists "FFMPEG: YES" under Video I/O */
  int32_t has_gstreamer; /* 1 when it lists "GStreamer: YES" */
  int32_t has_v4l2;      /* 1 when it lists "v4l/v4l2: YES" */
} epcv_build_info;

/* cv::getVersionString(), e.g. "4.6.0". Static storage; never freed. */
EPCV_API int32_t epcv_version_string(const char** version);
/* cv::getBuildInformation(), the full multi-line text. Static storage; never freed. */
EPCV_API int32_t epcv_build_information(const char** text);
EPCV_API int32_t epcv_get_build_info(epcv_build_info* info);

/* ---- images (cv::Mat) ----------------------------------------------------------------------- */

typedef struct epcv_mat epcv_mat;

/* OpenCV type codes (CV_MAKETYPE(depth, channels)) this interface uses. */
#define EPCV_TYPE_8UC1 0
#define EPCV_TYPE_8UC3 16

typedef struct epcv_mat_info {
  int32_t rows;
  int32_t cols;
  int32_t channels;
  int32_t type;    /* OpenCV type code, e.g. EPCV_TYPE_8UC3 */
  int64_t step;    /* bytes from one row to the next */
  uint8_t* data;   /* first pixel; NULL for an empty image */
} epcv_mat_info;

/* An empty image (0x0), to be filled by a decoder, a video read or a resize. */
EPCV_API int32_t epcv_mat_create_empty(epcv_mat** out);
/* A rows x cols image of the given type, contents undefined. */
EPCV_API int32_t epcv_mat_create(int32_t rows, int32_t cols, int32_t type, epcv_mat** out);
/* An image over caller memory (not copied, not freed): the caller keeps it alive until release. An
 * operation that needs another size or type gives the image new OpenCV-owned memory instead. */
EPCV_API int32_t epcv_mat_wrap(int32_t rows, int32_t cols, int32_t type, void* data, int64_t step, epcv_mat** out);
/* Makes the image rows x cols of the type; keeps its memory when it already has that size and type. */
EPCV_API int32_t epcv_mat_ensure(epcv_mat* mat, int32_t rows, int32_t cols, int32_t type);
EPCV_API int32_t epcv_mat_info_get(const epcv_mat* mat, epcv_mat_info* info);
EPCV_API int32_t epcv_mat_release(epcv_mat* mat);

/* ---- codecs --------------------------------------------------------------------------------- */

typedef struct epcv_buffer epcv_buffer;

/* Reads a file and decodes it as 8-bit BGR (cv::IMREAD_COLOR, EXIF orientation applied), the way
 * cv::imdecode does for Ultralytics. The destination keeps its memory when the size matches (the pixels
 * are copied into it) and is left unchanged on failure.
 * EPCV_ERR_NOT_FOUND: the file cannot be opened; EPCV_ERR_DECODE: it is no decodable image. */
EPCV_API int32_t epcv_imread(const char* path, epcv_mat* dst);
/* Decodes bytes (JPEG, PNG, BMP, ...) as 8-bit BGR into dst. */
EPCV_API int32_t epcv_imdecode(const uint8_t* data, size_t size, epcv_mat* dst);

/* Encoding parameters: a negative value keeps OpenCV's default (JPEG quality 95, PNG compression 1). */
typedef struct epcv_encode_params {
  int32_t jpeg_quality;    /* 0..100 */
  int32_t png_compression; /* 0..9 */
} epcv_encode_params;

/* Encodes by the path's extension and writes the file. EPCV_ERR_ENCODE: unknown extension;
 * EPCV_ERR_IO: the file cannot be written. params may be NULL. */
EPCV_API int32_t epcv_imwrite(const char* path, const epcv_mat* src, const epcv_encode_params* params);

/* A growable byte buffer for encoded images; reused across calls. */
EPCV_API int32_t epcv_buffer_create(epcv_buffer** out);
EPCV_API int32_t epcv_buffer_data(const epcv_buffer* buffer, const uint8_t** data, size_t* size);
EPCV_API int32_t epcv_buffer_release(epcv_buffer* buffer);
/* Encodes into the buffer; ext names the format: ".jpg", ".png", ... params may be NULL. */
EPCV_API int32_t epcv_imencode(const char* ext, const epcv_mat* src, const epcv_encode_params* params, epcv_buffer* out);

/* ---- resize --------------------------------------------------------------------------------- */

typedef enum epcv_interpolation {
  EPCV_INTER_NEAREST = 0,
  EPCV_INTER_LINEAR = 1, /* what Ultralytics' LetterBox uses */
  EPCV_INTER_CUBIC = 2,
  EPCV_INTER_AREA = 3,
  EPCV_INTER_LANCZOS4 = 4,
  EPCV_INTER_LINEAR_EXACT = 5
} epcv_interpolation;

/* cv::resize of src to width x height into dst (same type as src); dst keeps its memory when it
 * already has that size and type, so a reused dst does not allocate. */
EPCV_API int32_t epcv_resize(const epcv_mat* src, epcv_mat* dst, int32_t width, int32_t height, int32_t interpolation);
/* cv::resize of src into caller memory: height rows of width pixels (src's type) at dst, dst_step bytes
 * apart. Nothing is allocated. The region may be the inside of a larger image (a letterbox canvas). */
EPCV_API int32_t epcv_resize_into(const epcv_mat* src, uint8_t* dst, int32_t width, int32_t height, int64_t dst_step,
                                  int32_t interpolation);
/* cv::resize from caller memory into caller memory: src_height rows of src_width pixels of the type
 * (EPCV_TYPE_8UC3 for BGR), src_step bytes apart, into dst_height rows of dst_width pixels, dst_step
 * bytes apart. Nothing is allocated; the two regions must not overlap. */
EPCV_API int32_t epcv_resize_buffer(const uint8_t* src, int32_t src_width, int32_t src_height, int64_t src_step,
                                    int32_t type, uint8_t* dst, int32_t dst_width, int32_t dst_height, int64_t dst_step,
                                    int32_t interpolation);

/* ---- drawing (8-bit BGR images, in place) --------------------------------------------------- */

typedef enum epcv_line_type {
  EPCV_LINE_4 = 4,
  EPCV_LINE_8 = 8,
  EPCV_LINE_AA = 16 /* antialiased */
} epcv_line_type;

/* Colours are blue, green, red bytes. thickness < 0 (circle, rectangle) fills the shape. */
EPCV_API int32_t epcv_draw_line(epcv_mat* img, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint8_t b, uint8_t g,
                                uint8_t r, int32_t thickness, int32_t line_type);
EPCV_API int32_t epcv_draw_circle(epcv_mat* img, int32_t cx, int32_t cy, int32_t radius, uint8_t b, uint8_t g, uint8_t r,
                                  int32_t thickness, int32_t line_type);
/* The rectangle with corners (x1, y1) and (x2, y2), both inclusive. */
EPCV_API int32_t epcv_draw_rectangle(epcv_mat* img, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint8_t b, uint8_t g,
                                     uint8_t r, int32_t thickness, int32_t line_type);
/* cv::putText with FONT_HERSHEY_SIMPLEX; (x, y) is the left end of the text's baseline. text is UTF-8
 * (Hershey fonts draw ASCII; other characters come out as '?'). */
EPCV_API int32_t epcv_draw_text(epcv_mat* img, const char* text, int32_t x, int32_t y, double font_scale, uint8_t b,
                                uint8_t g, uint8_t r, int32_t thickness, int32_t line_type);
/* cv::getTextSize for FONT_HERSHEY_SIMPLEX: the text's width and height above the baseline, and the
 * baseline's distance to the lowest point of the text. */
EPCV_API int32_t epcv_text_size(const char* text, double font_scale, int32_t thickness, int32_t* width, int32_t* height,
                                int32_t* baseline);

/* ---- video ---------------------------------------------------------------------------------- */

typedef struct epcv_capture epcv_capture;
typedef struct epcv_writer epcv_writer;

typedef enum epcv_video_api {
  EPCV_API_ANY = 0,
  EPCV_API_FFMPEG = 1,
  EPCV_API_GSTREAMER = 2, /* source is a pipeline ending in appsink (capture) or starting at appsrc (writer) */
  EPCV_API_V4L2 = 3
} epcv_video_api;

typedef enum epcv_capture_property {
  EPCV_CAP_FPS = 0,
  EPCV_CAP_WIDTH = 1,
  EPCV_CAP_HEIGHT = 2,
  EPCV_CAP_FRAME_COUNT = 3, /* 0 or negative when unknown (cameras, streams) */
  EPCV_CAP_POS_FRAMES = 4,  /* index of the next frame to be read */
  EPCV_CAP_POS_MSEC = 5
} epcv_capture_property;

/* Opens a file, a URI (rtsp://, http://) or a GStreamer pipeline. EPCV_ERR_OPEN when no backend opens it. */
EPCV_API int32_t epcv_capture_open(const char* source, int32_t api, epcv_capture** out);
/* Opens camera number index (/dev/video<index> with V4L2). */
EPCV_API int32_t epcv_capture_open_device(int32_t index, int32_t api, epcv_capture** out);
/* Reads the next frame into dst (which keeps its memory when the size matches). *got_frame is 1 for a
 * frame, 0 at the end of the stream (dst is then left unchanged). */
EPCV_API int32_t epcv_capture_read(epcv_capture* capture, epcv_mat* dst, int32_t* got_frame);
EPCV_API int32_t epcv_capture_get(const epcv_capture* capture, int32_t property, double* value);
/* Asks the backend to change a property; *accepted is 1 when it says it did. */
EPCV_API int32_t epcv_capture_set(epcv_capture* capture, int32_t property, double value, int32_t* accepted);
/* The backend that opened the source ("FFMPEG", "GSTREAMER", "V4L2", ...). Valid until release. */
EPCV_API int32_t epcv_capture_backend(const epcv_capture* capture, const char** name);
EPCV_API int32_t epcv_capture_release(epcv_capture* capture);

/* Opens a video file (or a GStreamer pipeline from appsrc) for 8-bit BGR frames of width x height.
 * fourcc is four characters, e.g. "mp4v", "MJPG", "XVID". */
EPCV_API int32_t epcv_writer_open(const char* path, int32_t api, const char* fourcc, double fps, int32_t width,
                                  int32_t height, epcv_writer** out);
/* Writes one frame; EPCV_ERR_ARGUMENT when it is not 8-bit BGR of the size given to open. */
EPCV_API int32_t epcv_writer_write(epcv_writer* writer, const epcv_mat* frame);
/* Finishes the file and frees the writer. */
EPCV_API int32_t epcv_writer_release(epcv_writer* writer);

#ifdef __cplusplus
}
#endif

#endif /* EDGEPOSE_CV_H */
