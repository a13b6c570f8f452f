// TensorRT, its ONNX parser and the CUDA runtime, plus the few switches between the TensorRT 8.5/8.6 and
// 10.x APIs (and 11, where the weakly-typed precision flags and implicit calibration are gone).
// Everything version-specific is decided here, from NV_TENSORRT_MAJOR, at compile time.
#pragma once

#include <NvInfer.h>
#include <NvOnnxParser.h>
#include <cuda_runtime_api.h>

#if NV_TENSORRT_MAJOR < 8 || (NV_TENSORRT_MAJOR == 8 && NV_TENSORRT_MINOR < 5)
#error "edgepose_trt needs TensorRT 8.5 or newer (JetPack 5.1+, or TensorRT 8.5+ on x86)"
#endif

// TensorRT 8.6 adds the builder optimisation level and the FP8 data type.
#define EPT_HAS_OPTIMIZATION_LEVEL (NV_TENSORRT_MAJOR > 8 || NV_TENSORRT_MINOR >= 6)
#define EPT_HAS_FP8 EPT_HAS_OPTIMIZATION_LEVEL
// TensorRT 10 adds the build progress monitor and 64-bit dimensions.
#define EPT_HAS_PROGRESS_MONITOR (NV_TENSORRT_MAJOR >= 10)
// TensorRT 11 builds strongly typed networks only: no FP16/INT8 builder flags, no calibrators.
#define EPT_HAS_PRECISION_FLAGS (NV_TENSORRT_MAJOR < 11)

// TensorRT 10.x marks the weakly-typed precision flags and the INT8 calibrators deprecated (in favour of
// strongly typed networks), yet they are the only way to build FP16 or calibrated INT8 engines from an
// FP32 ONNX with the TensorRT that JetPack ships. The few lines that use them sit between these macros.
#define EPT_ALLOW_DEPRECATED_BEGIN \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define EPT_ALLOW_DEPRECATED_END _Pragma("GCC diagnostic pop")
