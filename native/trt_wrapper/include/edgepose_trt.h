/*
 * edgepose_trt: the C ABI of EdgePose's TensorRT wrapper (libedgepose_trt.so).
 *
 * Only C types cross this boundary: fixed-width integers, plain structs, opaque handles, UTF-8 strings
 * and function pointers. Every function returns an ept_status; on anything but EPT_OK the calling
 * thread's ept_last_error() says what went wrong in one line (TensorRT's own error text included).
 * The managed side mirrors these declarations in src/EdgePose.Native/TensorRt; change both together
 * and bump EPT_ABI_VERSION when a struct or signature changes.
 *
 * Threads: handles are not thread-safe; one thread uses a context at a time. The log callback may be
 * called from any thread that calls into TensorRT.
 */
#ifndef EDGEPOSE_TRT_H
#define EDGEPOSE_TRT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define EPT_API __declspec(dllexport)
#else
#define EPT_API __attribute__((visibility("default")))
#endif

#define EPT_ABI_VERSION 1
#define EPT_MAX_DIMS 8
#define EPT_NAME_CAPACITY 256

/* ---- status and errors ------------------------------------------------------------------------ */

typedef int32_t ept_status;
#define EPT_OK 0
#define EPT_INVALID_ARGUMENT 1   /* a null pointer, an unknown tensor, a shape outside the profile */
#define EPT_PARSE_FAILED 2       /* the ONNX parser rejected the model */
#define EPT_BUILD_FAILED 3       /* TensorRT could not build an engine */
#define EPT_DESERIALIZE_FAILED 4 /* the plan is corrupt or from another TensorRT version or GPU */
#define EPT_IO_ERROR 5           /* a file could not be read or written */
#define EPT_CUDA_ERROR 6         /* the CUDA runtime failed (no GPU, driver too old) */
#define EPT_UNSUPPORTED 7        /* not possible with this TensorRT version or device */
#define EPT_CANCELLED 8          /* a callback asked to stop */
#define EPT_INTERNAL 9           /* TensorRT failed unexpectedly; the message says where */

/* The last error of the calling thread, one line, UTF-8; valid until this thread's next failing call. */
EPT_API const char* ept_last_error(void);

/* ---- logging ---------------------------------------------------------------------------------- */

/* Severities as TensorRT numbers them (ILogger::Severity). */
#define EPT_LOG_INTERNAL_ERROR 0
#define EPT_LOG_ERROR 1
#define EPT_LOG_WARNING 2
#define EPT_LOG_INFO 3
#define EPT_LOG_VERBOSE 4

typedef void (*ept_log_fn)(void* user, int32_t severity, const char* message);

/* Forwards TensorRT's log messages of severity <= max_severity to fn (null: messages are dropped).
 * Process-wide; set it before building or loading an engine. */
EPT_API ept_status ept_set_log_callback(ept_log_fn fn, void* user, int32_t max_severity);

/* ---- versions and GPU ------------------------------------------------------------------------- */

typedef struct ept_version_info {
    int32_t abi_version;       /* EPT_ABI_VERSION of the library */
    int32_t header_major;      /* TensorRT the wrapper was compiled against */
    int32_t header_minor;
    int32_t header_patch;
    int32_t header_build;
    int32_t library_major;     /* TensorRT loaded at run time (getInferLibVersion) */
    int32_t library_minor;
    int32_t library_patch;
    int32_t parser_version;    /* getNvOnnxParserVersion(), as the parser encodes it */
    int32_t cuda_runtime_version; /* e.g. 12020 for 12.2; 0 when unknown */
} ept_version_info;

EPT_API ept_status ept_get_version(ept_version_info* out);

typedef struct ept_gpu_info {
    char name[EPT_NAME_CAPACITY]; /* e.g. "Orin", UTF-8, null-terminated */
    int32_t compute_major;        /* compute capability, e.g. 8 and 7 for Orin */
    int32_t compute_minor;
    int32_t integrated;           /* 1 for Jetson's shared-memory GPUs */
    int32_t device_count;
    uint64_t total_memory;        /* bytes */
    int32_t cuda_driver_version;  /* e.g. 12020 */
    int32_t dla_cores;            /* DLA cores TensorRT sees (0 on desktop GPUs) */
} ept_gpu_info;

/* The GPU with CUDA ordinal device (0 for a Jetson); EPT_CUDA_ERROR when there is none. */
EPT_API ept_status ept_get_gpu_info(int32_t device, ept_gpu_info* out);

/* ---- host memory blobs (serialised plans) ----------------------------------------------------- */

typedef struct ept_blob ept_blob;

EPT_API const void* ept_blob_data(const ept_blob* blob);
EPT_API uint64_t ept_blob_size(const ept_blob* blob);
EPT_API void ept_blob_destroy(ept_blob* blob);

/* ---- building --------------------------------------------------------------------------------- */

#define EPT_PRECISION_FP16 1u /* allow FP16 kernels */
#define EPT_PRECISION_INT8 2u /* allow INT8 kernels: explicit (QDQ) models, or with a calibrator */

/* Min/opt/max dimensions of one network input for the optimisation profile. */
typedef struct ept_input_profile {
    const char* name;
    int32_t rank;
    int32_t reserved; /* zero; keeps the dimension arrays 8-byte aligned without hidden padding */
    int64_t min[EPT_MAX_DIMS];
    int64_t opt[EPT_MAX_DIMS];
    int64_t max[EPT_MAX_DIMS];
} ept_input_profile;

/* One network input as the calibrator feeds it: name and the concrete shape of a calibration batch. */
typedef struct ept_tensor_desc {
    const char* name;
    int32_t data_type; /* EPT_TYPE_* */
    int32_t rank;
    int64_t dims[EPT_MAX_DIMS];
} ept_tensor_desc;

/* Entropy calibration (IInt8EntropyCalibrator2) fed from the caller.
 * next_batch fills device_buffers[i] with a device pointer holding inputs[i] for the next batch and
 * returns 1, returns 0 when there are no more batches, and below 0 to abort the build. */
typedef int32_t (*ept_calibration_batch_fn)(
    void* user, int32_t input_count, const ept_tensor_desc* inputs, void** device_buffers);

typedef struct ept_calibrator {
    ept_calibration_batch_fn next_batch;
    void* user;
    const char* cache_path; /* calibration table read if present and written after; null: none */
} ept_calibrator;

/* Build progress: a phase starts (steps > 0 when known), a step completes, a phase ends (step == -1).
 * Return non-zero to cancel the build. parent_phase is null for top-level phases. */
typedef int32_t (*ept_progress_fn)(
    void* user, const char* phase, const char* parent_phase, int32_t step, int32_t steps);

typedef struct ept_build_options {
    uint32_t struct_size;          /* sizeof(ept_build_options) */
    uint32_t precision_flags;      /* EPT_PRECISION_*; 0 = FP32 (TF32 where the GPU has it) */
    uint64_t workspace_bytes;      /* workspace pool limit; 0 = TensorRT's default (device memory) */
    int32_t dla_core;              /* -1 = GPU only; else DLA core index with GPU fallback */
    int32_t max_batch;             /* inputs whose only dynamic dimension is the first: profile 1..max_batch (opt = max); 0 = 1 */
    int32_t optimization_level;    /* builder optimisation level 0..5; -1 = TensorRT's default */
    int32_t input_profile_count;
    const ept_input_profile* input_profiles; /* explicit profiles for named inputs (win over max_batch) */
    const char* timing_cache_path; /* read if present, written back after the build; null: none */
    const ept_calibrator* calibrator; /* INT8 entropy calibration; null for FP32/FP16/QDQ models */
    ept_progress_fn progress;      /* may be null */
    void* progress_user;
} ept_build_options;

/* Parses the ONNX file and builds a serialised plan. On EPT_PARSE_FAILED the message carries every
 * error the ONNX parser reported (node, operator, text). */
EPT_API ept_status ept_build_engine_from_onnx(const char* onnx_path, const ept_build_options* options, ept_blob** out_plan);

/* ---- engines ---------------------------------------------------------------------------------- */

typedef struct ept_engine ept_engine;

/* Deserialises a plan (the bytes of a plain TensorRT plan file). dla_core: -1 unless built for DLA. */
EPT_API ept_status ept_engine_deserialize(const void* plan, uint64_t size, int32_t dla_core, ept_engine** out);
EPT_API void ept_engine_destroy(ept_engine* engine);
EPT_API ept_status ept_engine_serialize(const ept_engine* engine, ept_blob** out_plan);

/* Element types, numbered as ONNX's TensorProto.DataType (and EdgePose.Core's TensorElementType). */
#define EPT_TYPE_UNKNOWN 0
#define EPT_TYPE_FLOAT32 1
#define EPT_TYPE_UINT8 2
#define EPT_TYPE_INT8 3
#define EPT_TYPE_INT32 6
#define EPT_TYPE_INT64 7
#define EPT_TYPE_BOOL 9
#define EPT_TYPE_FLOAT16 10
#define EPT_TYPE_BFLOAT16 16
#define EPT_TYPE_FLOAT8E4M3 17
#define EPT_TYPE_INT4 22
#define EPT_TYPE_FLOAT4E2M1 23

#define EPT_IO_INPUT 1
#define EPT_IO_OUTPUT 2

typedef struct ept_tensor_info {
    char name[EPT_NAME_CAPACITY];
    int64_t dims[EPT_MAX_DIMS]; /* -1 for a dimension fixed only at run time */
    int32_t rank;
    int32_t io_mode;     /* EPT_IO_* */
    int32_t data_type;   /* EPT_TYPE_* */
    int32_t format;      /* TensorRT's TensorFormat number: 0 = linear (row-major) */
    int32_t vectorized_dim;     /* -1 when the format is not vectorised */
    int32_t components_per_element;
    int32_t bytes_per_component;
    char format_description[EPT_NAME_CAPACITY]; /* TensorRT's words for the format */
    int32_t reserved; /* zero; makes the 8-byte tail padding explicit */
} ept_tensor_info;

EPT_API ept_status ept_engine_io_count(const ept_engine* engine, int32_t* out_count);
EPT_API ept_status ept_engine_io_info(const ept_engine* engine, int32_t index, ept_tensor_info* out);

/* min/opt/max of input index in profile (which: 0 = min, 1 = opt, 2 = max). */
EPT_API ept_status ept_engine_profile_count(const ept_engine* engine, int32_t* out_count);
EPT_API ept_status ept_engine_profile_shape(
    const ept_engine* engine, int32_t index, int32_t profile, int32_t which, int32_t* out_rank, int64_t* out_dims);

/* Device memory the engine needs for activations, in bytes. */
EPT_API ept_status ept_engine_device_memory_size(const ept_engine* engine, uint64_t* out_bytes);

/* ---- execution contexts ----------------------------------------------------------------------- */

typedef struct ept_context ept_context;

EPT_API ept_status ept_context_create(ept_engine* engine, ept_context** out);
EPT_API void ept_context_destroy(ept_context* context);

/* Tensors are named by their index in ept_engine_io_info, so no string crosses per frame. */
EPT_API ept_status ept_context_set_input_shape(ept_context* context, int32_t index, int32_t rank, const int64_t* dims);
EPT_API ept_status ept_context_tensor_shape(const ept_context* context, int32_t index, int32_t* out_rank, int64_t* out_dims);
EPT_API ept_status ept_context_set_tensor_address(ept_context* context, int32_t index, void* device_pointer);

/* Enqueues inference on stream (a cudaStream_t / CUstream; null = the legacy default stream).
 * Returns before the GPU is done: synchronise the stream before reading outputs. */
EPT_API ept_status ept_context_enqueue(ept_context* context, void* stream);

#ifdef __cplusplus
}
#endif

#endif /* EDGEPOSE_TRT_H */
