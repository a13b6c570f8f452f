// Shapes across the ABI are int64_t[EPT_MAX_DIMS]; TensorRT's Dims hold int32_t (8.x) or int64_t (10+).
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <cstdint>
#include <string>
#include <type_traits>

namespace ept {

using DimValue = std::remove_cv_t<std::remove_reference_t<decltype(nvinfer1::Dims{}.d[0])>>;

static_assert(nvinfer1::Dims::MAX_DIMS == EPT_MAX_DIMS, "EPT_MAX_DIMS must match TensorRT's Dims::MAX_DIMS");

// False (with why in error) when rank or a value does not fit TensorRT's Dims.
bool toDims(int32_t rank, int64_t const* values, nvinfer1::Dims& out, std::string& error);

void fromDims(nvinfer1::Dims const& dims, int32_t& rank, int64_t* values);

// "[1,3,640,640]", "?" for a dynamic dimension.
std::string describe(nvinfer1::Dims const& dims);

bool hasDynamicDimension(nvinfer1::Dims const& dims);

} // namespace ept
