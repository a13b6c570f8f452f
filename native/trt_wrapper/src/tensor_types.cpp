#include "tensor_types.hpp"

#include "edgepose_trt.h"

namespace ept {

int32_t toEptType(nvinfer1::DataType type)
{
    switch (type)
    {
    case nvinfer1::DataType::kFLOAT: return EPT_TYPE_FLOAT32;
    case nvinfer1::DataType::kHALF: return EPT_TYPE_FLOAT16;
    case nvinfer1::DataType::kINT8: return EPT_TYPE_INT8;
    case nvinfer1::DataType::kINT32: return EPT_TYPE_INT32;
    case nvinfer1::DataType::kBOOL: return EPT_TYPE_BOOL;
    case nvinfer1::DataType::kUINT8: return EPT_TYPE_UINT8;
#if EPT_HAS_FP8
    case nvinfer1::DataType::kFP8: return EPT_TYPE_FLOAT8E4M3;
#endif
#if NV_TENSORRT_MAJOR >= 10
    case nvinfer1::DataType::kBF16: return EPT_TYPE_BFLOAT16;
    case nvinfer1::DataType::kINT64: return EPT_TYPE_INT64;
    case nvinfer1::DataType::kINT4: return EPT_TYPE_INT4;
#endif
    default: return EPT_TYPE_UNKNOWN;
    }
}

} // namespace ept
