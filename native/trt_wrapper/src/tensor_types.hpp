// TensorRT's DataType as the ABI numbers it (ONNX TensorProto.DataType numbering).
#pragma once

#include "trt_includes.hpp"

#include <cstdint>

namespace ept {

int32_t toEptType(nvinfer1::DataType type);

} // namespace ept
